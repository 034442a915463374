/** The worker's hold on jobs: claim due ones in one UPDATE, renew, release, and drop a gone worker's leases. */
import { and, eq, gte, inArray, isNull, lt, lte, notInArray, or, sql } from "drizzle-orm";
import type { Db } from "../client";
import type { Job } from "../schema";

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
