/** Short human text for the numbers on a job: money, waits, file sizes, and the start of its prompt. */
import { estimateUsd, type Priced, type PriceSettings } from "../models/price";

/** Cents when they are exact, tenths of a cent for the cheapest per-second prices: "$1.20", "$0.004". */
export function formatUsd(amount: number): string {
  const cents = Math.round(amount * 100 * 1000) / 1000;
  return `$${Number.isInteger(cents) ? amount.toFixed(2) : amount.toFixed(3)}`;
}

/** A route's estimate (lib/models/price `estimateUsd`) for `count` videos, to the cent: "Free" (also for the not-AI preview), "$1.20", or "price not published". */
export function formatCost(route: Priced | null | undefined, settings: PriceSettings, count = 1): string {
  const one = route ? estimateUsd(route, settings) : null;
  const usd = one === null ? null : one * count;
  if (usd === 0) return "Free";
  if (usd === null) return "price not published";
  return formatUsd(Math.max(0.01, Math.round(usd * 100) / 100));
}

/**
 * 45 -> "45 s", 90 -> "1 min 30 s", 240 -> "4 min", 3900 -> "1 h 5 min". Past ten minutes the
 * seconds are noise, so they are dropped.
 */
export function formatSeconds(totalSeconds: number): string {
  const s = Math.max(0, Math.round(totalSeconds));
  if (s < 60) return `${s} s`;
  const min = Math.floor(s / 60);
  const rest = s % 60;
  if (min >= 60) return `${Math.floor(min / 60)} h ${min % 60} min`;
  return rest && min < 10 ? `${min} min ${rest} s` : `${min} min`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} kB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** The start of a prompt for a toast, a title or a preview: cut at a word, at most `max` characters with the "…". */
export function promptStart(prompt: string, max = 48): string {
  const flat = prompt.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:!?-]+$/, "")}…`;
}
