/**
 * The composer's price estimate for one take, in one small function so a richer estimate (routes,
 * price rules) can replace it without touching the UI: today it is the model's price per second
 * times the duration. null: the price is not published.
 */
import type { ModelOption } from "@/lib/providers/catalog";

export function estimateUsd(model: Pick<ModelOption, "pricePerSecondUsd" | "engine">, settings: { durationSeconds: number }): number | null {
  if (model.engine === "preview" || model.pricePerSecondUsd === 0) return 0;
  if (model.pricePerSecondUsd === null || model.pricePerSecondUsd === undefined) return null;
  if (!Number.isFinite(settings.durationSeconds) || settings.durationSeconds <= 0) return null;
  return Math.round(model.pricePerSecondUsd * settings.durationSeconds * 100) / 100;
}
