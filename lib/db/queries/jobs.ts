/** Reads and non-status writes of jobs. Status changes go through lib/jobs/apply-update.ts. */
import { and, desc, eq, gte, inArray, isNull, lt, or, sql } from "drizzle-orm";
import type { Db } from "../client";
import { jobs, type Job, type JobStatus, type NewJob } from "../schema";

export function insertJob(db: Db, job: NewJob): Job {
  return db.insert(jobs).values(job).returning().get();
}

export function getJob(db: Db, id: string): Job | undefined {
  return db.select().from(jobs).where(eq(jobs.id, id)).get();
}

export function findByProviderJob(db: Db, provider: string, providerJobId: string): Job | undefined {
  return db
    .select()
    .from(jobs)
    .where(and(eq(jobs.provider, provider), eq(jobs.providerJobId, providerJobId)))
    .get();
}

/** A job only if this user owns it; anyone else gets nothing, exactly as for a missing job. */
export function getOwnedJob(db: Db, id: string, userId: string): Job | undefined {
  // Ids are ours (22 characters); anything long is not one, and need not reach the database.
  if (id.length > 64) return undefined;
  return db
    .select()
    .from(jobs)
    .where(and(eq(jobs.id, id), eq(jobs.userId, userId)))
    .get();
}

export function setFavorite(db: Db, id: string, userId: string, favorite: boolean): boolean {
  return (
    db
      .update(jobs)
      .set({ favorite })
      .where(and(eq(jobs.id, id), eq(jobs.userId, userId)))
      .run().changes > 0
  );
}

export interface ListOptions {
  userId: string;
  status?: JobStatus[];
  model?: string;
  favorite?: boolean;
  /** Words to find in prompts (FTS5, prefix match on each word). */
  search?: string;
  /** Only jobs updated at or after this time (epoch ms), for cheap polling. */
  changedSince?: number;
  /** Only these jobs. */
  ids?: string[];
  /** Opaque cursor from a previous page. */
  cursor?: string;
  limit: number;
}

/** Turns what a person typed into an FTS5 query: each word quoted (no operators) and prefix-matched. */
export function ftsQuery(text: string): string | null {
  const words = text.match(/[\p{L}\p{N}_]+/gu)?.slice(0, 12) ?? [];
  return words.length ? words.map((w) => `"${w}"*`).join(" ") : null;
}

/** Newest first, keyset-paged on (createdAt, id) so pages stay fast with many jobs. */
export function listJobs(db: Db, opts: ListOptions): { items: Job[]; nextCursor: string | null } {
  const conditions = [eq(jobs.userId, opts.userId)];
  if (opts.status?.length) conditions.push(inArray(jobs.status, opts.status));
  if (opts.model) conditions.push(eq(jobs.model, opts.model));
  if (opts.favorite) conditions.push(eq(jobs.favorite, true));
  if (opts.ids) conditions.push(inArray(jobs.id, opts.ids));
  if (opts.changedSince !== undefined) conditions.push(gte(jobs.updatedAt, opts.changedSince));
  if (opts.search !== undefined) {
    const match = ftsQuery(opts.search);
    if (match) conditions.push(sql`${jobs.id} IN (SELECT job_id FROM jobs_fts WHERE jobs_fts MATCH ${match})`);
  }
  const after = decodeCursor(opts.cursor);
  if (after)
    conditions.push(
      or(lt(jobs.createdAt, after.createdAt), and(eq(jobs.createdAt, after.createdAt), lt(jobs.id, after.id)))!,
    );
  const rows = db
    .select()
    .from(jobs)
    .where(and(...conditions))
    .orderBy(desc(jobs.createdAt), desc(jobs.id))
    .limit(opts.limit + 1)
    .all();
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
 * Claims up to `limit` due, unleased active jobs for one worker in a single UPDATE,
 * so two workers never take the same job; a crashed worker's lease simply expires.
 */
export function claimDueJobs(db: Db, owner: string, leaseMs: number, limit: number, now = Date.now()): Job[] {
  return db.$client
    .prepare(
      `UPDATE jobs SET lease_owner = ?, lease_until = ?
       WHERE id IN (
         SELECT id FROM jobs
         WHERE status IN ('queued','submitted','running','saving')
           AND (next_check_at <= ? OR deadline_at <= ?)
           AND (lease_until IS NULL OR lease_until < ?)
         ORDER BY next_check_at LIMIT ?)
       RETURNING id`,
    )
    .all(owner, now + leaseMs, now, now, now, limit)
    .map((r) => getJob(db, (r as { id: string }).id))
    .filter((j): j is Job => j !== undefined);
}

export function renewLease(db: Db, id: string, owner: string, leaseMs: number, now = Date.now()): boolean {
  return (
    db
      .update(jobs)
      .set({ leaseUntil: now + leaseMs })
      .where(and(eq(jobs.id, id), eq(jobs.leaseOwner, owner)))
      .run().changes > 0
  );
}

/** Ends this worker's hold on a job and says when it wants to look again. */
export function releaseLease(db: Db, id: string, owner: string, nextCheckAt: number | null, fields: Partial<Job> = {}): void {
  db.update(jobs)
    .set({ ...fields, leaseOwner: null, leaseUntil: null, ...(nextCheckAt !== null ? { nextCheckAt } : {}) })
    .where(and(eq(jobs.id, id), eq(jobs.leaseOwner, owner)))
    .run();
}

/** Marks a submit as under way. Written before the provider call so a crash leaves a trace. */
export function markSubmitStarted(db: Db, id: string, owner: string, now = Date.now()): boolean {
  return (
    db
      .update(jobs)
      .set({ submitStartedAt: now, attempts: sql`${jobs.attempts} + 1` })
      .where(and(eq(jobs.id, id), eq(jobs.leaseOwner, owner), eq(jobs.status, "queued"), isNull(jobs.submitStartedAt)))
      .run().changes > 0
  );
}

export function clearSubmitStarted(db: Db, id: string): void {
  db.update(jobs).set({ submitStartedAt: null }).where(eq(jobs.id, id)).run();
}

export function setProviderRef(db: Db, id: string, providerJobId: string, providerData: Record<string, unknown> | null): void {
  db.update(jobs).set({ providerJobId, providerData }).where(eq(jobs.id, id)).run();
}

export function deleteJobRow(db: Db, id: string): void {
  db.delete(jobs).where(eq(jobs.id, id)).run();
}
