/** Provider status strings → our ProviderStatus. An unknown status is `running`, logged once, never terminal. */
import type { ProviderStatus } from "../types";

const warned = new Set<string>();

export type StatusTable = Readonly<Record<string, ProviderStatus>>;

/** Looks `raw` up in `table` (case-insensitive); anything else is still running. */
export function mapStatus(service: string, raw: unknown, table: StatusTable): ProviderStatus {
  const key = typeof raw === "string" ? raw.trim().toLowerCase() : String(raw);
  const hit = table[key];
  if (hit) return hit;
  const once = `${service}:${key}`;
  if (!warned.has(once)) {
    warned.add(once);
    console.warn(`[${service}] unknown job status ${JSON.stringify(raw)}; treating it as still running`);
  }
  return "running";
}

/** 0–100 (or 0–1 when `fraction`) → 0..1; undefined when absent or unreadable. */
export function progressOf(value: unknown, scale: 100 | 1 = 100): number | undefined {
  const n = typeof value === "number" ? value : typeof value === "string" ? Number(value) : Number.NaN;
  if (!Number.isFinite(n)) return undefined;
  return Math.min(1, Math.max(0, n / scale));
}
