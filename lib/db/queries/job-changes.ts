/** Reads for the live job stream (lib/jobs/live): a user's jobs in the order they last changed, and a job's owner. */
import { and, asc, eq, gt, gte, or } from "drizzle-orm";
import type { Db } from "../client";
import type { Job } from "../schema";

/**
 * This user's jobs changed at or after `since` (epoch ms), oldest change first, ties by id;
 * `after` continues a page. Served by the (user_id, updated_at) index.
 */
export async function listChangedJobs(
  db: Db,
  userId: string,
  since: number,
  after: { updatedAt: number; id: string } | null,
  limit: number,
): Promise<Job[]> {
  const { jobs } = db.t;
  const page = after ? or(gt(jobs.updatedAt, after.updatedAt), and(eq(jobs.updatedAt, after.updatedAt), gt(jobs.id, after.id))) : undefined;
  return db.orm
    .select()
    .from(jobs)
    .where(and(eq(jobs.userId, userId), gte(jobs.updatedAt, since), page))
    .orderBy(asc(jobs.updatedAt), asc(jobs.id))
    .limit(limit);
}

/** Who owns a job: undefined when there is no such job, null for a job from before accounts. */
export async function jobOwner(db: Db, id: string): Promise<string | null | undefined> {
  const { jobs } = db.t;
  const [row] = await db.orm.select({ userId: jobs.userId }).from(jobs).where(eq(jobs.id, id)).limit(1);
  return row ? row.userId : undefined;
}
