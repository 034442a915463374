/**
 * The bookkeeping around a submit to a provider: mark it under way (taking a provider slot), count what
 * each provider holds for us, and adopt a submit whose answer was lost.
 */
import { and, count, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import { transaction, type Db } from "../client";
import type { Job, TransitionSource } from "../schema";
import { findByProviderJob } from "./jobs";

/**
 * Marks a submit as under way. Written before the provider call so a crash leaves a trace.
 * With a `slot`, it is also the one place a provider slot is taken: the count of that provider's
 * jobs already at the provider is checked inside the same UPDATE, so two workers cannot both
 * take the last slot (SQLite runs one write at a time; on Postgres the UPDATE holds a per-provider lock).
 */
export async function markSubmitStarted(
  db: Db,
  id: string,
  owner: string,
  now = Date.now(),
  slot?: { provider: string; max: number },
): Promise<boolean> {
  const mark = async (tx: Db) => {
    const { jobs } = tx.t;
    const free = slot
      ? sql`(SELECT count(*) FROM ${jobs} AS held WHERE held.provider = ${slot.provider} AND ${heldAtProvider(sql.raw("held."))}) < ${slot.max}`
      : undefined;
    const rows = await tx.orm
      .update(jobs)
      .set({ submitStartedAt: now, attempts: sql`${jobs.attempts} + 1` })
      .where(and(eq(jobs.id, id), eq(jobs.leaseOwner, owner), eq(jobs.status, "queued"), isNull(jobs.submitStartedAt), free))
      .returning({ id: jobs.id });
    return rows.length > 0;
  };
  if (!slot || db.dialect.oneWriterAtATime) return mark(db);
  // Postgres runs writes side by side: without the lock, two workers could both count one free slot and both take it.
  return transaction(db, async (tx) => {
    await tx.dialect.lockKey(tx, `provider-slot:${slot.provider}`);
    return mark(tx);
  });
}

/** A job the provider is holding for us: accepted and unfinished there, or being sent to it right now. */
function heldAtProvider(prefix: SQL = sql.raw("")): SQL {
  return sql`(${prefix}status IN ('submitted', 'running') OR (${prefix}status = 'queued' AND ${prefix}submit_started_at IS NOT NULL))`;
}

/** How many jobs each of these providers is holding for us now (the count their queue caps limit). */
export async function countHeldAtProvider(db: Db, providers: readonly string[]): Promise<Map<string, number>> {
  const counts = new Map(providers.map((p) => [p, 0]));
  if (!providers.length) return counts;
  const { jobs } = db.t;
  const rows = await db.orm
    .select({ provider: jobs.provider, n: count() })
    .from(jobs)
    .where(and(inArray(jobs.provider, [...providers]), heldAtProvider()))
    .groupBy(jobs.provider);
  for (const r of rows) counts.set(r.provider, r.n);
  return counts;
}

/**
 * A submit whose answer was lost (Dailies stopped between the provider accepting it and storing its
 * id): records the provider's job found again and moves the job to submitted, in one guarded UPDATE
 * that applies only while the job is still queued, marked as sent, and has no provider id, so a job
 * can be adopted once. Returns the job as it is now, or undefined when the guard refused (or another
 * job already has that provider id).
 */
export async function adoptSubmitted(
  db: Db,
  id: string,
  ref: { providerJobId: string; providerData: Record<string, unknown> | null },
  source: TransitionSource,
  now = Date.now(),
): Promise<Job | undefined> {
  const { jobs } = db.t;
  try {
    const [row] = await db.orm
      .update(jobs)
      .set({ providerJobId: ref.providerJobId, providerData: ref.providerData, status: "submitted", statusSource: source, submittedAt: now, updatedAt: now })
      .where(and(eq(jobs.id, id), eq(jobs.status, "queued"), sql`${jobs.submitStartedAt} IS NOT NULL`, isNull(jobs.providerJobId)))
      .returning();
    return row;
  } catch (err) {
    // The unique (provider, provider job id) index: that provider job is another job's.
    if (isUniqueViolation(err)) return undefined;
    throw err;
  }
}

/** SQLite's SQLITE_CONSTRAINT_UNIQUE or Postgres's 23505, however deep drizzle wrapped it. */
function isUniqueViolation(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const { code } = e as { code?: unknown };
    if (code === "SQLITE_CONSTRAINT_UNIQUE" || code === "23505") return true;
  }
  return false;
}

/** Whether some job already has this provider job (so it is not another job's lost submit). */
export async function isKnownProviderJob(db: Db, provider: string, providerJobId: string): Promise<boolean> {
  return (await findByProviderJob(db, provider, providerJobId)) !== undefined;
}
