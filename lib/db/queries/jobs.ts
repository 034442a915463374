/**
 * Reads and writes of jobs. Status changes are decided in lib/jobs/apply-update.ts and written by ./job-status.ts;
 * the worker's leases are in ./job-leases.ts, submit bookkeeping in ./job-submits.ts.
 */
import { and, asc, count, desc, eq, gt, gte, inArray, isNull, lt, or } from "drizzle-orm";
import type { Db } from "../client";
import type { Job, JobStatus, NewJob } from "../schema";
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

export async function deleteJobRow(db: Db, id: string): Promise<void> {
  await db.orm.delete(db.t.jobs).where(eq(db.t.jobs.id, id));
}
