/** How the composer words prices, waits and what a model does; shared by the picker and the estimate. */
import type { ModelOption } from "@/lib/providers/catalog";

export function formatUsd(amount: number): string {
  // Cents when they are exact, tenths of a cent for the cheapest per-second prices.
  const cents = Math.round(amount * 100 * 1000) / 1000;
  return `$${Number.isInteger(cents) ? amount.toFixed(2) : amount.toFixed(3)}`;
}

export function formatPricePerSecond(model: Pick<ModelOption, "pricePerSecondUsd" | "isLocal">): string {
  if (model.isLocal || model.pricePerSecondUsd === 0) return "free";
  if (model.pricePerSecondUsd === null) return "price not published";
  return `${formatUsd(model.pricePerSecondUsd)}/s`;
}

/** Price × duration: "Free", "$1.20", or "price not published". */
export function estimateCost(model: Pick<ModelOption, "pricePerSecondUsd" | "isLocal">, durationSeconds: number): string {
  if (model.isLocal || model.pricePerSecondUsd === 0) return "Free";
  if (model.pricePerSecondUsd === null) return "price not published";
  return formatUsd(Math.round(model.pricePerSecondUsd * durationSeconds * 100) / 100);
}

/** 45 -> "45 s", 90 -> "1 min 30 s", 240 -> "4 min". */
export function formatWait(seconds: number): string {
  const s = Math.max(1, Math.round(seconds));
  if (s < 60) return `${s} s`;
  const min = Math.floor(s / 60);
  const rest = s % 60;
  if (min >= 60) return `${Math.floor(min / 60)} h ${min % 60} min`;
  return rest && min < 10 ? `${min} min ${rest} s` : `${min} min`;
}

export function formatModes(modes: ModelOption["modes"]): string {
  if (modes.includes("text") && modes.includes("image")) return "text or image";
  return modes.includes("image") ? "image only" : "text only";
}

/** The one line a native <option> can show: what it does, its price and its typical wait. */
export function optionText(model: ModelOption): string {
  return `${model.label} · ${formatModes(model.modes)} · ${formatPricePerSecond(model)} · ~${formatWait(model.typicalLatencySeconds)}`;
}
