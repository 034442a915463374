/** Reads and writes of jobs. Status changes are decided in lib/jobs/apply-update.ts and written by ./job-status.ts. */
import { and, asc, count, desc, eq, gt, gte, inArray, isNull, lt, lte, notInArray, or, sql, type SQL } from "drizzle-orm";
import { transaction, type Db } from "../client";
import type { Job, JobStatus, NewJob, TransitionSource } from "../schema";
import { insertWithinLimit, insertWithinLimitIn } from "./limits";

export async function insertJob(db: Db, job: NewJob): Promise<Job> {
  const [row] = await db.orm.insert(db.t.jobs).values(job).returning();
  return row!;
}

/** Many rows in few statements (seeding, benchmarks), all or none. */
export async function insertJobs(db: Db, rows: NewJob[]): Promise<void> {
  // Well under SQLite's bound-parameter limit per statement.
  for (let i = 0; i < rows.length; i += 200) await db.orm.insert(db.t.jobs).values(rows.slice(i, i + 200));
}

export async function getJob(db: Db, id: string): Promise<Job | undefined> {
  const [row] = await db.orm.select().from(db.t.jobs).where(eq(db.t.jobs.id, id)).limit(1);
  return row;
}

export async function findByProviderJob(db: Db, provider: string, providerJobId: string): Promise<Job | undefined> {
  const { jobs } = db.t;
  const [row] = await db.orm
    .select()
    .from(jobs)
    .where(and(eq(jobs.provider, provider), eq(jobs.providerJobId, providerJobId)))
    .limit(1);
  return row;
}

/** A job only if this user owns it; anyone else gets nothing, exactly as for a missing job. */
export async function getOwnedJob(db: Db, id: string, userId: string): Promise<Job | undefined> {
  // Ids are ours (22 characters); anything long is not one, and need not reach the database.
  if (id.length > 64) return undefined;
  const { jobs } = db.t;
  const [row] = await db.orm
    .select()
    .from(jobs)
    .where(and(eq(jobs.id, id), eq(jobs.userId, userId)))
    .limit(1);
  return row;
}

/** How many of this user's jobs are still on their way. */
export async function countActiveJobs(db: Db, userId: string, active: readonly JobStatus[]): Promise<number> {
  const { jobs } = db.t;
  const [row] = await db.orm
    .select({ n: count() })
    .from(jobs)
    .where(and(eq(jobs.userId, userId), inArray(jobs.status, [...active])));
  return row?.n ?? 0;
}

/** Inserts the job only while its owner has fewer than `max` active jobs (one check-and-insert); null when at the cap. */
export function insertJobWithinLimit(db: Db, job: NewJob & { userId: string }, max: number, active: readonly JobStatus[]): Promise<Job | null> {
  return insertWithinLimit(db, `jobs:${job.userId}`, max, (tx) => countActiveJobs(tx, job.userId, active), (tx) => insertJob(tx, job));
}

/** insertJobWithinLimit inside a transaction the caller holds (createJob's budget transaction); `then` runs only when the job was inserted. */
export function insertJobWithinLimitIn<T>(tx: Db, job: NewJob & { userId: string }, max: number, active: readonly JobStatus[], then: (tx: Db, job: Job) => Promise<T>): Promise<T | null> {
  return insertWithinLimitIn(tx, `jobs:${job.userId}`, max, (t) => countActiveJobs(t, job.userId, active), async (t) => then(t, await insertJob(t, job)));
}

/** How many jobs (anyone's) have exactly this prompt; for tests that check nothing was stored. */
export async function countJobsWithPrompt(db: Db, prompt: string): Promise<number> {
  const [row] = await db.orm.select({ n: count() }).from(db.t.jobs).where(eq(db.t.jobs.prompt, prompt));
  return row?.n ?? 0;
}

export async function setFavorite(db: Db, id: string, userId: string, favorite: boolean): Promise<boolean> {
  const { jobs } = db.t;
  const rows = await db.orm
    .update(jobs)
    .set({ favorite })
    .where(and(eq(jobs.id, id), eq(jobs.userId, userId)))
    .returning({ id: jobs.id });
  return rows.length > 0;
}

/** Gives the jobs made before accounts existed (no owner) to this user. */
export async function adoptOrphanJobs(db: Db, userId: string): Promise<void> {
  await db.orm.update(db.t.jobs).set({ userId }).where(isNull(db.t.jobs.userId));
}

export interface ListOptions {
  userId: string;
  status?: JobStatus[];
  model?: string;
  favorite?: boolean;
  /** Only jobs in this project; null: only Unsorted ones (no project). */
  project?: string | null;
  /** Words to find in prompts (every word, as a word prefix; see Dialect.promptMatches). */
  search?: string;
  /** Only jobs updated at or after this time (epoch ms), for cheap polling. */
  changedSince?: number;
  /** Only these jobs. */
  ids?: string[];
  /** Opaque cursor from a previous page (of the same order). */
  cursor?: string;
  /** Newest first (the default) or oldest first. */
  sort?: "newest" | "oldest";
  limit: number;
}

/** Newest first (or oldest first), keyset-paged on (createdAt, id) so pages stay fast with many jobs. */
export async function listJobs(db: Db, opts: ListOptions): Promise<{ items: Job[]; nextCursor: string | null }> {
  const { jobs } = db.t;
  const conditions = [eq(jobs.userId, opts.userId)];
  if (opts.status?.length) conditions.push(inArray(jobs.status, opts.status));
  if (opts.model) conditions.push(eq(jobs.model, opts.model));
  if (opts.favorite) conditions.push(eq(jobs.favorite, true));
  if (opts.project !== undefined) conditions.push(opts.project === null ? isNull(jobs.projectId) : eq(jobs.projectId, opts.project));
  if (opts.ids) conditions.push(inArray(jobs.id, opts.ids));
  if (opts.changedSince !== undefined) conditions.push(gte(jobs.updatedAt, opts.changedSince));
  if (opts.search !== undefined) {
    const match = db.dialect.promptMatches(jobs, opts.search);
    if (match) conditions.push(match);
  }
  const after = decodeCursor(opts.cursor);
  const oldest = opts.sort === "oldest";
  const beyond = oldest ? gt : lt;
  if (after)
    conditions.push(
      or(beyond(jobs.createdAt, after.createdAt), and(eq(jobs.createdAt, after.createdAt), beyond(jobs.id, after.id)))!,
    );
  const rows = await db.orm
    .select()
    .from(jobs)
    .where(and(...conditions))
    .orderBy(...(oldest ? [asc(jobs.createdAt), asc(jobs.id)] : [desc(jobs.createdAt), desc(jobs.id)]))
    .limit(opts.limit + 1);
  const items = rows.slice(0, opts.limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > opts.limit && last ? encodeCursor(last) : null };
}

function encodeCursor(job: Job): string {
  return Buffer.from(`${job.createdAt}:${job.id}`).toString("base64url");
}

function decodeCursor(cursor: string | undefined): { createdAt: number; id: string } | null {
  if (!cursor) return null;
  const [ts, id] = Buffer.from(cursor, "base64url").toString().split(":", 2);
  const createdAt = Number(ts);
  return Number.isSafeInteger(createdAt) && id ? { createdAt, id } : null;
}

export function isValidCursor(cursor: string): boolean {
  return decodeCursor(cursor) !== null;
}

/**
 * Claims up to `limit` due, unleased active jobs for one worker in a single UPDATE that returns
 * them, so two workers never take the same job (on Postgres the inner SELECT skips rows another
 * claim holds) and nothing is re-read; a crashed worker's lease simply expires.
 */
export async function claimDueJobs(
  db: Db,
  owner: string,
  leaseMs: number,
  limit: number,
  now = Date.now(),
  /** Providers with no free slot: their queued jobs wait (unless past their deadline, which must still be enforced). */
  holdQueuedOf: readonly string[] = [],
): Promise<Job[]> {
  const { jobs } = db.t;
  const due = db.orm
    .select({ id: jobs.id })
    .from(jobs)
    .where(
      and(
        inArray(jobs.status, ["queued", "submitted", "running", "saving"]),
        or(sql`${jobs.nextCheckAt} <= ${now}`, sql`${jobs.deadlineAt} <= ${now}`),
        or(isNull(jobs.leaseUntil), lt(jobs.leaseUntil, now)),
        holdQueuedOf.length
          ? or(sql`${jobs.status} != 'queued'`, notInArray(jobs.provider, [...holdQueuedOf]), lte(jobs.deadlineAt, now))
          : undefined,
      ),
    )
    .orderBy(jobs.nextCheckAt)
    .limit(limit);
  return db.orm
    .update(jobs)
    .set({ leaseOwner: owner, leaseUntil: now + leaseMs })
    .where(inArray(jobs.id, db.dialect.skipLocked(due)))
    .returning();
}

/** Who holds a lease that has not run out yet. */
export async function activeLeaseOwners(db: Db, now = Date.now()): Promise<string[]> {
  const { jobs } = db.t;
  const rows = await db.orm
    .selectDistinct({ owner: jobs.leaseOwner })
    .from(jobs)
    .where(and(sql`${jobs.leaseOwner} IS NOT NULL`, gte(jobs.leaseUntil, now)));
  return rows.map((r) => r.owner!).filter(Boolean);
}

/** Drops every lease `owner` holds (a worker known to be gone), so its jobs can be claimed at once; returns how many. */
export async function dropLeasesOf(db: Db, owner: string): Promise<number> {
  const { jobs } = db.t;
  const rows = await db.orm
    .update(jobs)
    .set({ leaseOwner: null, leaseUntil: null })
    .where(eq(jobs.leaseOwner, owner))
    .returning({ id: jobs.id });
  return rows.length;
}

export async function renewLease(db: Db, id: string, owner: string, leaseMs: number, now = Date.now()): Promise<boolean> {
  const { jobs } = db.t;
  const rows = await db.orm
    .update(jobs)
    .set({ leaseUntil: now + leaseMs })
    .where(and(eq(jobs.id, id), eq(jobs.leaseOwner, owner)))
    .returning({ id: jobs.id });
  return rows.length > 0;
}

/** Ends this worker's hold on a job and says when it wants to look again. */
export async function releaseLease(db: Db, id: string, owner: string, nextCheckAt: number | null, fields: Partial<Job> = {}): Promise<void> {
  const { jobs } = db.t;
  await db.orm
    .update(jobs)
    .set({ ...fields, leaseOwner: null, leaseUntil: null, ...(nextCheckAt !== null ? { nextCheckAt } : {}) })
    .where(and(eq(jobs.id, id), eq(jobs.leaseOwner, owner)));
}

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

export async function deleteJobRow(db: Db, id: string): Promise<void> {
  await db.orm.delete(db.t.jobs).where(eq(db.t.jobs.id, id));
}
