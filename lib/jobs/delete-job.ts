import "server-only";
import type { Db } from "../db/client";
import { deleteJobRow, getJob } from "../db/queries/jobs";
import type { Job } from "../db/schema";
import { fail, ok, type Result } from "../errors";
import { storage } from "../storage";
import { cancelJob } from "./cancel-job";
import { isTerminal } from "./states";

/** Deletes a job and its files (video, poster, input image); an unfinished job is canceled first. */
export async function deleteJob(db: Db, job: Job): Promise<Result<null>> {
  if (job.status === "saving") return fail("conflict", "The video is being saved right now; delete it in a few seconds.");
  if (!isTerminal(job.status)) {
    const canceled = await cancelJob(db, job);
    if (!canceled.ok && getJob(db, job.id)?.status === "saving") return canceled as Result<never>;
  }
  const current = getJob(db, job.id) ?? job;
  for (const key of [current.videoKey, current.posterKey, current.inputImageKey])
    if (key) await storage().delete(key);
  deleteJobRow(db, job.id);
  return ok(null);
}
