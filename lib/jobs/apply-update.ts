/**
 * The only place a job's status changes. Every path (webhook, poll, worker, user action)
 * ends here, and the state table's guard sits inside the SQL UPDATE, so a late,
 * duplicated or out-of-order update is a no-op rather than a regression.
 */
import { and, eq, inArray, lt, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "../db/client";
import { jobs, type Job, type JobStatus } from "../db/schema";
import type { ErrorCode, ProviderUpdate } from "../providers/types";
import { jobEvents } from "./events";
import { isTerminal, sourcesFor } from "./states";

export interface Transition {
  to: JobStatus;
  progress?: number;
  etaSeconds?: number | null;
  errorCode?: ErrorCode;
  errorMessage?: string;
  providerJobId?: string;
  providerData?: Record<string, unknown> | null;
  outputUrl?: string | null;
  outputUpdate?: Record<string, unknown> | null;
  nextCheckAt?: number;
  video?: {
    videoKey: string;
    posterKey: string;
    videoBytes: number;
    videoDurationSeconds: number;
    videoWidth: number;
    videoHeight: number;
    videoCodec: string;
  };
}

/** Applies a transition if the state table allows it; returns whether the row changed. */
export function transition(db: Db, jobId: string, t: Transition, now = Date.now()): boolean {
  const sources = sourcesFor(t.to);
  if (sources.length === 0) return false;
  const progress = t.to === "succeeded" || t.to === "saving" ? 1 : clamp01(t.progress);

  const set: Partial<Record<keyof Job, unknown>> = { status: t.to, updatedAt: now };
  if (progress !== undefined) set.progress = sql`MAX(${jobs.progress}, ${progress})`;
  if (t.etaSeconds !== undefined) set.etaSeconds = t.etaSeconds === null ? null : Math.max(0, Math.round(t.etaSeconds));
  if (t.errorCode) set.errorCode = t.errorCode;
  if (t.errorMessage) set.errorMessage = t.errorMessage;
  if (t.providerJobId) set.providerJobId = t.providerJobId;
  if (t.providerData !== undefined) set.providerData = t.providerData;
  if (t.outputUrl !== undefined) set.outputUrl = t.outputUrl;
  if (t.outputUpdate !== undefined) set.outputUpdate = t.outputUpdate;
  // The copy into our storage is due at once, whoever brought the news.
  const nextCheckAt = t.nextCheckAt ?? (t.to === "saving" ? now : undefined);
  if (nextCheckAt !== undefined) set.nextCheckAt = nextCheckAt;
  if (t.video) Object.assign(set, t.video);
  if (t.to === "submitted") set.submittedAt = sql`COALESCE(${jobs.submittedAt}, ${now})`;
  if (isTerminal(t.to)) {
    set.completedAt = now;
    set.etaSeconds = null;
  }

  // A refresh (same status) only writes when it brings news, so pollers see a stable updatedAt.
  const refreshBringsNews: SQL[] = [sql`${jobs.status} != ${t.to}`];
  if (progress !== undefined) refreshBringsNews.push(lt(jobs.progress, progress));
  if (t.etaSeconds !== undefined && t.etaSeconds !== null)
    refreshBringsNews.push(sql`${jobs.etaSeconds} IS NOT ${Math.max(0, Math.round(t.etaSeconds))}`);
  if (t.providerJobId) refreshBringsNews.push(sql`${jobs.providerJobId} IS NULL`);

  const result = db
    .update(jobs)
    .set(set as Partial<Job>)
    .where(and(eq(jobs.id, jobId), inArray(jobs.status, sources), or(...refreshBringsNews)))
    .run();
  const changed = result.changes > 0;
  if (changed) jobEvents().emit("changed", jobId, t.to);
  return changed;
}

/** Turns a provider's normalized news into the transition it implies, and applies it. */
export function applyUpdate(db: Db, jobId: string, update: ProviderUpdate, now = Date.now()): boolean {
  return transition(db, jobId, transitionFor(update), now);
}

export function transitionFor(update: ProviderUpdate): Transition {
  switch (update.status) {
    case "queued":
      return { to: "submitted", etaSeconds: update.etaSeconds };
    case "running":
      return { to: "running", progress: update.progress, etaSeconds: update.etaSeconds };
    case "succeeded":
      return { to: "saving", outputUrl: update.outputUrl ?? null, outputUpdate: toRecord(update) };
    case "failed":
      return {
        to: "failed",
        errorCode: update.errorCode ?? "provider_error",
        errorMessage: update.message ?? "The provider could not make this video.",
      };
    case "canceled":
      return {
        to: "failed",
        errorCode: update.errorCode ?? "canceled_by_provider",
        errorMessage: update.message ?? "The provider canceled this job before it finished. Try again.",
      };
  }
}

function toRecord(update: ProviderUpdate): Record<string, unknown> {
  return JSON.parse(JSON.stringify(update)) as Record<string, unknown>;
}

function clamp01(p: number | undefined): number | undefined {
  if (p === undefined || !Number.isFinite(p)) return undefined;
  return Math.min(1, Math.max(0, p));
}
