/**
 * The only place a job's status changes. Every path (webhook, poll, worker, user action)
 * ends here, and the state table's guard sits inside the SQL UPDATE, so a late,
 * duplicated or out-of-order update is a no-op rather than a regression.
 */
import { transaction, type Db } from "../db/client";
import { updateAttempt, type AttemptEnd } from "../db/queries/attempts";
import { getJob } from "../db/queries/jobs";
import { commitStep, writeJobStatus, type JobStatusWrite, type StepOutcome } from "../db/queries/job-status";
import { recordWebhookEvent } from "../db/queries/webhook-events";
import type { Job, JobStatus, NewJob, TransitionSource } from "../db/schema";
import type { ErrorCode, ProviderUpdate } from "../providers/types";
import { jobEvents } from "./events";
import { bookEnding } from "./ledger-book";
import { moveOnIfFallback } from "./move-on";
import { reportOf, type ProviderReport } from "./provider-report";
import { isTerminal, sourcesFor } from "./states";

export interface Transition {
  to: JobStatus;
  /** Who brings the change, for the job's history (default: the worker's own step). */
  source?: TransitionSource;
  progress?: number;
  etaSeconds?: number | null;
  errorCode?: ErrorCode;
  errorMessage?: string;
  providerJobId?: string;
  providerData?: Record<string, unknown> | null;
  outputUrl?: string | null;
  outputUpdate?: Record<string, unknown> | null;
  /** What the provider reported about serving it (upstream, cache hit, cost); written with the success. */
  providerReport?: ProviderReport | null;
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

/**
 * What a transition writes, as one guarded UPDATE: pure, so the state table's rules are read here
 * and the SQL lives in lib/db/queries. Null when nothing may move to `t.to`.
 */
export function statusWrite(t: Transition, now: number): JobStatusWrite | null {
  const from = sourcesFor(t.to);
  if (from.length === 0) return null;
  const progress = t.to === "succeeded" || t.to === "saving" ? 1 : clamp01(t.progress);
  const eta = t.etaSeconds === undefined || t.etaSeconds === null ? t.etaSeconds : Math.max(0, Math.round(t.etaSeconds));

  // status_source goes into the same UPDATE: the job_history trigger records the change with it.
  const fields: Partial<NewJob> = { updatedAt: now, statusSource: t.source ?? "worker" };
  if (eta !== undefined) fields.etaSeconds = eta;
  if (t.errorCode) fields.errorCode = t.errorCode;
  if (t.errorMessage) fields.errorMessage = t.errorMessage;
  if (t.providerJobId) fields.providerJobId = t.providerJobId;
  if (t.providerData !== undefined) fields.providerData = t.providerData;
  if (t.outputUrl !== undefined) fields.outputUrl = t.outputUrl;
  if (t.outputUpdate !== undefined) fields.outputUpdate = t.outputUpdate;
  if (t.providerReport) fields.providerReport = { ...t.providerReport };
  // The copy into our storage is due at once, whoever brought the news.
  const nextCheckAt = t.nextCheckAt ?? (t.to === "saving" ? now : undefined);
  if (nextCheckAt !== undefined) fields.nextCheckAt = nextCheckAt;
  if (t.video) Object.assign(fields, t.video);
  if (isTerminal(t.to)) {
    fields.completedAt = now;
    fields.etaSeconds = null;
  }
  return {
    to: t.to,
    from,
    fields,
    progress,
    submittedAt: t.to === "submitted" ? now : undefined,
    // A refresh (same status) only writes when it brings news, so pollers see a stable updatedAt.
    news: { progress, etaSeconds: eta ?? undefined, providerJobId: !!t.providerJobId },
  };
}

/**
 * Applies a transition if the state table allows it; returns whether the row changed. A failure
 * that is about the provider moves the job to its next route instead (lib/jobs/move-on.ts).
 */
export async function transition(db: Db, jobId: string, t: Transition, now = Date.now(), retryable = false): Promise<boolean> {
  if (t.to === "failed" && (await transaction(db, (tx) => moveOnIfFallback(tx, jobId, t, retryable, now)))) {
    jobEvents().emit("changed", jobId, "queued");
    return true;
  }
  const write = statusWrite(t, now);
  if (write === null) return false;
  // An ending books its cost in the same transaction (lib/jobs/ledger-book.ts); other changes are one statement.
  const changed = isTerminal(t.to)
    ? await transaction(db, async (tx) => {
        if (!(await writeJobStatus(tx, jobId, write))) return false;
        const job = await getJob(tx, jobId);
        if (job) await bookEnding(tx, job, now);
        return true;
      })
    : await writeJobStatus(db, jobId, write);
  if (changed) jobEvents().emit("changed", jobId, t.to);
  return changed;
}

/** Turns a provider's normalized news into the transition it implies, and applies it (by default: news from a poll). */
export function applyUpdate(db: Db, jobId: string, update: ProviderUpdate, now = Date.now(), source: TransitionSource = "poll"): Promise<boolean> {
  return transition(db, jobId, { ...transitionFor(update), source }, now);
}

/** How a worker step ends: the news it brings (if any) and the worker's own bookkeeping. */
export interface StepEnd {
  transition?: Transition;
  /** The statuses the transition may apply from, when not the state table's (a submit: only a job still queued). */
  from?: readonly JobStatus[];
  /** Kept whatever the guard says. */
  fields?: StepOutcome["fields"];
  /** The provider's error was retryable (a 5xx or outage): with a route left, a failure moves the job on. */
  retryable?: boolean;
  /** The attempt the step's news is about: it applies only while the job is still on it. */
  routeIndex?: number;
  /** Kept only while this worker holds the lease. */
  bookkeeping?: StepOutcome["bookkeeping"];
  nextCheckAt: number | null;
  dueAtOnceIfSaving?: boolean;
  /**
   * Written to attempt `routeIndex` in the same transaction as the step (a submit: the provider's id
   * and "submitted"), so a crash can never keep the job's provider id but leave its attempt at "submitting".
   */
  attempt?: AttemptEnd;
}

/**
 * Commits a worker step in one statement (lib/db/queries/job-status.ts#commitStep): the guarded
 * status change, what must be kept anyway, and the lease released. Returns the job as it is now
 * (undefined if it was deleted) and whether its status changed.
 */
export async function finishStep(db: Db, jobId: string, owner: string, end: StepEnd, now: number): Promise<{ job: Job; changed: boolean } | undefined> {
  const failing = end.transition?.to === "failed" ? end.transition : null;
  const attempt = end.attempt && end.routeIndex !== undefined ? { n: end.routeIndex, end: end.attempt } : null;
  // Before the job's own write, so an ending in the same transaction (moved on, failed) still wins over "submitted".
  const writeAttempt = (tx: Db) => (attempt ? updateAttempt(tx, jobId, attempt.n, attempt.end) : Promise.resolve());
  if (failing) {
    const moved = await transaction(db, async (tx) => {
      await writeAttempt(tx);
      return moveOnIfFallback(tx, jobId, failing, end.retryable ?? false, now, end.routeIndex);
    });
    if (moved) {
      jobEvents().emit("changed", jobId, "queued");
      const job = await getJob(db, jobId);
      return job && { job, changed: true };
    }
  }
  let status = end.transition ? statusWrite(end.transition, now) : null;
  if (status && end.from) status = { ...status, from: end.from, submittedAt: now };
  if (status && end.routeIndex !== undefined) status = { ...status, routeIndex: end.routeIndex };
  const outcome: StepOutcome = { status: status ?? undefined, fields: end.fields, bookkeeping: end.bookkeeping, nextCheckAt: end.nextCheckAt, dueAtOnceIfSaving: end.dueAtOnceIfSaving };
  // An ending books its cost in the same transaction, and an attempt's news goes with the step; any other step stays one statement.
  const result =
    (status && isTerminal(status.to)) || attempt
      ? await transaction(db, async (tx) => {
          await writeAttempt(tx);
          const r = await commitStep(tx, jobId, owner, outcome, now);
          if (r?.changed && status && isTerminal(status.to)) await bookEnding(tx, r.job, now);
          return r;
        })
      : await commitStep(db, jobId, owner, outcome, now);
  if (result?.changed) jobEvents().emit("changed", jobId, result.job.status);
  return result;
}

/**
 * A webhook delivery: records its event id and applies its news in one transaction, so a
 * retried delivery is a no-op and a crash between the two cannot lose the update.
 * Returns false for a delivery seen before.
 *
 * `routeIndex` is the attempt the delivery is about (the one whose provider job it names, read when
 * the job was looked up): if the job moved to its next route in between, the news is an earlier
 * attempt's and changes nothing, in the same guarded write as the change itself.
 */
export async function applyWebhookUpdate(db: Db, provider: string, eventId: string, jobId: string, update: ProviderUpdate, now = Date.now(), routeIndex?: number): Promise<boolean> {
  const t: Transition = { ...transitionFor(update), source: "webhook" };
  const guarded = statusWrite(t, now);
  const write = guarded && routeIndex !== undefined ? { ...guarded, routeIndex } : guarded;
  const outcome = await transaction(db, async (tx) => {
    if (!(await recordWebhookEvent(tx, provider, eventId))) return { fresh: false, changed: false, to: t.to };
    if (await moveOnIfFallback(tx, jobId, t, false, now, routeIndex)) return { fresh: true, changed: true, to: "queued" as const };
    const changed = write !== null && (await writeJobStatus(tx, jobId, write));
    if (changed && isTerminal(t.to)) {
      const job = await getJob(tx, jobId);
      if (job) await bookEnding(tx, job, now);
    }
    return { fresh: true, changed, to: t.to };
  });
  if (outcome.changed) jobEvents().emit("changed", jobId, outcome.to);
  return outcome.fresh;
}

export function transitionFor(update: ProviderUpdate): Transition {
  switch (update.status) {
    case "queued":
      return { to: "submitted", etaSeconds: update.etaSeconds };
    case "running":
      return { to: "running", progress: update.progress, etaSeconds: update.etaSeconds };
    case "succeeded":
      return { to: "saving", outputUrl: update.outputUrl ?? null, outputUpdate: toRecord(update), providerReport: reportOf(update) };
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
