/**
 * A job's attempts: one row per try at a provider (route, the provider's id, how it ended, when),
 * and the one guarded write that moves a job on to its next route.
 */
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { transaction, type Db } from "../client";
import type { Attempt, AttemptStatus, Job } from "../schema";

/** Writes attempt `n` as being sent, once: a second call for the same attempt changes nothing. */
export async function startAttempt(db: Db, job: Pick<Job, "id" | "routeIndex" | "model" | "provider">, now: number): Promise<void> {
  await db.orm
    .insert(db.t.attempts)
    .values({ jobId: job.id, n: job.routeIndex, model: job.model, provider: job.provider, status: "submitting", startedAt: now })
    .onConflictDoNothing();
}

export interface AttemptEnd {
  status: AttemptStatus;
  providerJobId?: string;
  submittedAt?: number;
  errorCode?: string | null;
  errorMessage?: string | null;
  endedAt?: number | null;
}

/** Updates attempt `n`; an attempt that already ended keeps its ending (a late update is a no-op). */
export async function updateAttempt(db: Db, jobId: string, n: number, end: AttemptEnd): Promise<void> {
  const { attempts } = db.t;
  await db.orm
    .update(attempts)
    .set(end)
    .where(and(eq(attempts.jobId, jobId), eq(attempts.n, n), inArray(attempts.status, ["submitting", "submitted"])));
}

export async function listAttempts(db: Db, jobId: string): Promise<Attempt[]> {
  const { attempts } = db.t;
  return db.orm.select().from(attempts).where(eq(attempts.jobId, jobId)).orderBy(asc(attempts.n));
}

/** The attempts of many jobs at once, for lists (one query). */
export async function attemptsOf(db: Db, jobIds: readonly string[]): Promise<Map<string, Attempt[]>> {
  const out = new Map<string, Attempt[]>();
  if (jobIds.length === 0) return out;
  const { attempts } = db.t;
  const rows = await db.orm.select().from(attempts).where(inArray(attempts.jobId, [...jobIds])).orderBy(asc(attempts.jobId), asc(attempts.n));
  for (const row of rows) out.set(row.jobId, [...(out.get(row.jobId) ?? []), row]);
  return out;
}

export interface MoveOn {
  /** The attempt that ended: the job's routeIndex when the decision was made. */
  from: number;
  next: { model: string; provider: string };
  errorCode: string;
  errorMessage: string;
  /** A new deadline for the next attempt (one that timed out before its provider began gets a fresh window). */
  deadlineAt?: number;
}

/**
 * Moves a job from attempt `from` to its next route in one transaction: the job goes back to
 * `queued` with the next route's model and no provider id (so the worker sends it once, as a new
 * attempt), and the attempt that ended records why. Guarded on the attempt number and an
 * unfinished status, so a late or repeated failure of the same attempt changes nothing.
 * Returns whether it moved.
 */
export function moveToNextRoute(db: Db, jobId: string, m: MoveOn, now: number): Promise<boolean> {
  return transaction(db, (tx) => writeMoveOn(tx, jobId, m, now));
}

/** moveToNextRoute's two writes, for a caller already inside a transaction (the webhook path). */
export async function writeMoveOn(tx: Db, jobId: string, m: MoveOn, now: number): Promise<boolean> {
  const { jobs } = tx.t;
  const moved = await tx.orm
    .update(jobs)
    .set({
      model: m.next.model,
      provider: m.next.provider,
      routeIndex: m.from + 1,
      status: "queued",
      progress: 0,
      etaSeconds: null,
      providerJobId: null,
      providerData: null,
      submitStartedAt: null,
      nextCheckAt: now,
      updatedAt: now,
      leaseOwner: null,
      leaseUntil: null,
      ...(m.deadlineAt !== undefined ? { deadlineAt: m.deadlineAt } : {}),
    })
    .where(and(eq(jobs.id, jobId), eq(jobs.routeIndex, m.from), inArray(jobs.status, ["queued", "submitted", "running"]), sql`${jobs.routes} IS NOT NULL`))
    .returning({ id: jobs.id });
  if (moved.length === 0) return false;
  await tx.orm
    .update(tx.t.attempts)
    .set({ status: "moved_on", errorCode: m.errorCode, errorMessage: m.errorMessage, endedAt: now })
    .where(and(eq(tx.t.attempts.jobId, jobId), eq(tx.t.attempts.n, m.from)));
  return true;
}

/** Ends the job's current attempt the way the job ended (succeeded, failed, canceled); a no-op for jobs without attempt rows. */
export async function endCurrentAttempt(db: Db, job: Pick<Job, "id" | "routeIndex" | "status" | "errorCode" | "errorMessage">, now: number): Promise<void> {
  const status: AttemptStatus | null = job.status === "succeeded" ? "succeeded" : job.status === "failed" ? "failed" : job.status === "canceled" ? "canceled" : null;
  if (!status) return;
  await updateAttempt(db, job.id, job.routeIndex, { status, errorCode: job.errorCode, errorMessage: job.errorMessage, endedAt: now });
}
