/**
 * The fallback step of the one transition point: a failure that is about the provider (rate
 * limit, empty wallet, outage, a wait that ended before it began) moves the job to its next route
 * as a new attempt instead of failing it. lib/jobs/fallback-policy.ts decides; this reads the job
 * and writes the move.
 */
import type { Db } from "../db/client";
import { writeMoveOn } from "../db/queries/attempts";
import { getJob } from "../db/queries/jobs";
import type { Job } from "../db/schema";
import { getModel } from "../providers/registry";
import type { ErrorCode } from "../providers/types";
import { shouldFallBack } from "./fallback-policy";
import { bookMoveOn } from "./ledger-book";

export interface Failure {
  to: string;
  errorCode?: ErrorCode;
  errorMessage?: string;
}

/** The route a failure of the job's current attempt moves it to, or null when it fails. */
export function nextRouteFor(job: Job, t: Failure, retryable: boolean): { model: string; provider: string } | null {
  if (t.to !== "failed" || !t.errorCode) return null;
  const nextId = job.routes?.[job.routeIndex + 1];
  const started = job.status === "running" || job.progress > 0;
  if (!shouldFallBack({ errorCode: t.errorCode, retryable, started }, { enabled: job.fallback, hasNextRoute: !!nextId })) return null;
  const next = getModel(nextId!);
  // A route whose model is gone from the catalog cannot be tried; the job fails with its own reason.
  return next ? { model: next.id, provider: next.provider } : null;
}

/** Inside a transaction (or as one statement pair): moves the job on if this failure calls for it; returns whether it moved. */
export async function moveOnIfFallback(tx: Db, jobId: string, t: Failure, retryable: boolean, now: number, routeIndex?: number): Promise<boolean> {
  if (t.to !== "failed") return false;
  const job = await getJob(tx, jobId);
  // News about an earlier attempt never moves the job again.
  if (job && routeIndex !== undefined && job.routeIndex !== routeIndex) return false;
  const next = job && nextRouteFor(job, t, retryable);
  if (!job || !next) return false;
  // A wait that ran out before the provider began would expire the next attempt at once: it gets the job's window afresh.
  const deadlineAt = t.errorCode === "timeout" ? now + (job.deadlineAt - job.createdAt) : undefined;
  if (!(await writeMoveOn(tx, jobId, { from: job.routeIndex, next, errorCode: t.errorCode!, errorMessage: t.errorMessage ?? "", deadlineAt }, now))) return false;
  await bookMoveOn(tx, { ...job, ...next, routeIndex: job.routeIndex + 1 }, job.routeIndex, now);
  return true;
}
