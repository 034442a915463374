/**
 * What a provider told us about how it served a finished job — a gateway's upstream provider
 * and model, a cache hit, its latency — and what it says it charged. Kept on the job (the
 * `provider_report` column) so the job page and the API show the provider's own facts, not
 * what was asked for: a gateway's cache may serve another model's video.
 */
import type { ProviderUpdate } from "../providers/types";
import { formatUsd } from "./format-job";

export interface ProviderReport {
  servedBy?: string;
  servedModel?: string;
  cacheHit?: boolean;
  latencyMs?: number;
  costUsd?: number;
  costCredits?: number;
}

const text = (v: unknown, max = 200) => (typeof v === "string" && v.trim() ? v.trim().slice(0, max) : undefined);
const amount = (v: unknown) => (typeof v === "number" && Number.isFinite(v) && v >= 0 ? v : undefined);

/** The report in a provider's update, or null when it reported nothing. Values are bounded: they come from the provider. */
export function reportOf(update: Pick<ProviderUpdate, "report" | "cost">): ProviderReport | null {
  return cleanReport({ ...update.report, costUsd: update.cost?.usd, costCredits: update.cost?.credits });
}

/** A stored report read back defensively (the column is JSON). */
export function cleanReport(value: unknown): ProviderReport | null {
  if (typeof value !== "object" || value === null) return null;
  const v = value as Record<string, unknown>;
  const report: ProviderReport = {
    servedBy: text(v.servedBy),
    servedModel: text(v.servedModel),
    cacheHit: typeof v.cacheHit === "boolean" ? v.cacheHit : undefined,
    latencyMs: amount(v.latencyMs),
    costUsd: amount(v.costUsd),
    costCredits: amount(v.costCredits),
  };
  const kept = Object.fromEntries(Object.entries(report).filter(([, x]) => x !== undefined)) as ProviderReport;
  return Object.keys(kept).length ? kept : null;
}

/** "fal · fal-ai/veo3 · $0.40": who served it, with which model, at what reported cost; null when none is known. */
export function servedLine(report: ProviderReport | null): string | null {
  if (!report) return null;
  const parts = [report.servedBy, report.servedModel];
  if (report.costUsd !== undefined) parts.push(formatUsd(report.costUsd));
  else if (report.costCredits !== undefined) parts.push(`${report.costCredits} credits`);
  const line = parts.filter(Boolean).join(" · ");
  return line || null;
}
