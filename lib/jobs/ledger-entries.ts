/**
 * Which ledger rows a job's change writes: pure, so the transition point and the tests agree.
 * An attempt is reserved at its estimate; it is voided when it ended before the provider began
 * (moved on, or failed without progress); a success settles the estimate and books the actual:
 * the provider's own figure where it reports one (Visgate's cost, a cache hit's), else the stored
 * video's real length × the route's price.
 */
import type { Job, LedgerKind } from "../db/schema";
import { audioSetting, estimateUsd, roundUsd } from "../models/price";
import { familyOf, priceOf } from "../models/route";
import type { ModelSpec } from "../providers/types";
import { cleanReport } from "./provider-report";

export interface LedgerEntry {
  jobId: string;
  attempt: number;
  kind: LedgerKind;
  userId: string | null;
  usd: number;
  model: string;
  provider: string;
  family: string;
}

type JobFacts = Pick<Job, "id" | "userId" | "model" | "provider" | "routeIndex" | "durationSeconds" | "resolution" | "options">;

/** What the route's estimate is for these settings; 0 when its price is unknown (nothing to reserve). */
export function estimateFor(spec: ModelSpec, job: Pick<Job, "durationSeconds" | "resolution" | "options">, durationSeconds = job.durationSeconds): number {
  return estimateUsd({ engine: spec.engine, price: priceOf(spec) }, { durationSeconds, resolution: job.resolution, audio: audioSetting(job.options) }) ?? 0;
}

function entry(job: JobFacts, spec: ModelSpec | undefined, attempt: number, kind: LedgerKind, usd: number): LedgerEntry {
  return { jobId: job.id, attempt, kind, userId: job.userId, usd: roundUsd(usd), model: job.model, provider: job.provider, family: spec ? familyOf(spec) : job.model };
}

/**
 * What the provider says the job cost, in dollars: its own dollar figure (Visgate's `cost`), else its
 * credits at the route's price per credit (Skytells' `metadata.billing.credits_used`); undefined when
 * it reported neither. fal's and Replicate's status answers carry no billing field (shared/providers
 * fal.md, replicate.md: only `metrics.inference_time` / `metrics.predict_time`, which are compute
 * time, not money) [U that none exists], so their actuals are the real length × the route's price.
 */
export function reportedUsd(providerReport: unknown, spec: ModelSpec | undefined): number | undefined {
  const report = cleanReport(providerReport);
  if (report?.costUsd !== undefined) return report.costUsd;
  if (report?.costCredits !== undefined && spec?.creditUsd !== undefined) return report.costCredits * spec.creditUsd;
  // A video served from the gateway's cache costs no provider anything (shared/providers/visgate.md); with no figure
  // reported, the real length × price would book a generation that never ran. [U] Visgate's own fee on a hit is unpublished.
  if (report?.cacheHit === true) return 0;
  return undefined;
}

/** The reservation of the job's current attempt. */
export function reservation(job: JobFacts, spec: ModelSpec): LedgerEntry {
  return entry(job, spec, job.routeIndex, "estimate", estimateFor(spec, job));
}

/** Undoes an attempt's reservation (it ended before the provider began). */
export function voidOf(reserved: LedgerEntry): LedgerEntry {
  return { ...reserved, kind: "void", usd: -reserved.usd };
}

/** The rows a job that just ended writes; `reserved` is its current attempt's reservation, if any. */
export function endingEntries(job: JobFacts & Pick<Job, "status" | "progress" | "videoDurationSeconds" | "providerReport">, spec: ModelSpec | undefined, reserved: LedgerEntry | null): LedgerEntry[] {
  if (job.status === "succeeded") {
    const actual = reportedUsd(job.providerReport, spec) ?? (spec ? estimateFor(spec, job, job.videoDurationSeconds ?? job.durationSeconds) : 0);
    const settle = reserved ? [{ ...reserved, kind: "settle" as const, usd: -reserved.usd }] : [];
    return [...settle, entry(job, spec, job.routeIndex, "actual", actual)];
  }
  // [U] Whether a provider charges for a job that failed after it began is not documented: the estimate stays booked.
  if ((job.status === "failed" || job.status === "canceled") && job.progress === 0 && reserved) return [voidOf(reserved)];
  return [];
}
