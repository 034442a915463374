/**
 * The composer's price estimate for one take: the route's price rule (lib/models/price
 * `estimateUsd`, the one the API and the ledger use) at these settings, the model's default
 * resolution when none is given. null: the price is not published.
 */
import { estimateUsd as routeEstimate } from "@/lib/models/price";
import type { ModelOption } from "@/lib/providers/catalog";

export function estimateUsd(
  model: Pick<ModelOption, "engine" | "price" | "defaults">,
  settings: { durationSeconds: number; resolution?: string; audio?: boolean },
): number | null {
  if (!Number.isFinite(settings.durationSeconds) || settings.durationSeconds <= 0) return null;
  return routeEstimate(model, { durationSeconds: settings.durationSeconds, resolution: settings.resolution ?? model.defaults.resolution, audio: settings.audio });
}
