/** How the composer words what a model does and what it charges, on lib/jobs/format-job's money and time text. */
import { formatSeconds, formatUsd } from "@/lib/jobs/format-job";
import type { ModelOption } from "@/lib/providers/catalog";

export function formatPricePerSecond(model: Pick<ModelOption, "pricePerSecondUsd" | "engine">): string {
  if (model.engine === "preview" || model.pricePerSecondUsd === 0) return "free";
  if (model.pricePerSecondUsd === null) return "price not published";
  return `${formatUsd(model.pricePerSecondUsd)}/s`;
}

export function formatModes(modes: ModelOption["modes"]): string {
  if (modes.includes("text") && modes.includes("image")) return "text or image";
  return modes.includes("image") ? "image only" : "text only";
}

/** The one line a native <option> can show: what it does, its price and its typical wait. */
export function optionText(model: ModelOption): string {
  return `${model.label} · ${formatModes(model.modes)} · ${formatPricePerSecond(model)} · ~${formatSeconds(model.typicalLatencySeconds)}`;
}
