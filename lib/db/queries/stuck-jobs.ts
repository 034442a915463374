/** Jobs the worker seems to have lost track of, for `npm run admin -- stuck-jobs`, and handing them back. */
import { and, asc, eq, inArray, lt, or, sql } from "drizzle-orm";
import type { Db } from "../client";
import type { Job, JobStatus } from "../schema";

const ACTIVE: JobStatus[] = ["queued", "submitted", "running", "saving"];

/** Unfinished jobs unchanged for `quietMs`, or past their deadline by `graceMs` (the worker expires those itself). */
export async function listStuckJobs(db: Db, now: number, quietMs: number, graceMs: number): Promise<Job[]> {
  const { jobs } = db.t;
  return db.orm
    .select()
    .from(jobs)
    .where(and(inArray(jobs.status, ACTIVE), or(lt(jobs.updatedAt, now - quietMs), lt(jobs.deadlineAt, now - graceMs))))
    .orderBy(asc(jobs.updatedAt))
    .limit(500);
}

/**
 * Hands an unfinished job back to the worker at once: its lease is dropped and it is due now (a
 * copy that kept failing gets its tries back). Its status is untouched: a job already at its
 * provider is polled, not submitted again.
 */
export async function requeueStuckJob(db: Db, id: string, now: number): Promise<boolean> {
  const { jobs } = db.t;
  const rows = await db.orm
    .update(jobs)
    .set({
      leaseOwner: null,
      leaseUntil: null,
      nextCheckAt: now,
      saveAttempts: sql`CASE WHEN ${jobs.status} = 'saving' THEN 0 ELSE ${jobs.saveAttempts} END`,
    })
    .where(and(eq(jobs.id, id), inArray(jobs.status, ACTIVE)))
    .returning({ id: jobs.id });
  return rows.length > 0;
}
