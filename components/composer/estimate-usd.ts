/**
 * The composer's price estimate for one take: the route's price rule (lib/models/price
 * `estimateUsd`, the one the API and the ledger use) at these settings, the model's default
 * resolution when none is given. null: the price is not published.
 */
import { estimateUsd as routeEstimate } from "@/lib/models/price";
import { snapSettings } from "@/lib/jobs/snap-settings";
import type { ModelOption } from "@/lib/providers/catalog";

export function estimateUsd(
  model: Pick<ModelOption, "engine" | "price" | "defaults">,
  settings: { durationSeconds: number; resolution?: string; audio?: boolean },
): number | null {
  if (!Number.isFinite(settings.durationSeconds) || settings.durationSeconds <= 0) return null;
  return routeEstimate(model, { durationSeconds: settings.durationSeconds, resolution: settings.resolution ?? model.defaults.resolution, audio: settings.audio });
}

/**
 * Compare across models: one take of each picked model, each at the settings it will really use
 * (the wanted duration and resolution moved to the nearest it allows, as the server does). The
 * sum, or null when any of them has no published price, since a partial total would understate it.
 */
export function compareEstimateUsd(
  models: ReadonlyArray<Pick<ModelOption, "engine" | "price" | "defaults" | "durations" | "resolutions" | "aspectRatios" | "fps">>,
  wanted: { durationSeconds: number; resolution: string; audio?: boolean },
): number | null {
  let total = 0;
  for (const m of models) {
    const snapped = snapSettings({ durationSeconds: wanted.durationSeconds, resolution: wanted.resolution }, m);
    const one = estimateUsd(m, { durationSeconds: snapped.durationSeconds, resolution: snapped.resolution, audio: wanted.audio });
    if (one === null) return null;
    total += one;
  }
  return total;
}
