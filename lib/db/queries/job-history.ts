/** The job history table: written only by the database's own triggers on jobs, read here. */
import { asc, eq } from "drizzle-orm";
import type { Db } from "../client";
import type { JobHistoryRow } from "../schema";

/** Every status change of one job, oldest first (its creation included). */
export async function listJobHistory(db: Db, jobId: string): Promise<JobHistoryRow[]> {
  const { jobHistory } = db.t;
  return db.orm.select().from(jobHistory).where(eq(jobHistory.jobId, jobId)).orderBy(asc(jobHistory.id));
}
