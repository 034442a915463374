import "server-only";
import type { Db } from "../db/client";
import { deleteJobRow, getJob } from "../db/queries/jobs";
import type { Job } from "../db/schema";
import { fail, ok, type Result } from "../errors";
import { getModel, providerOf } from "../providers/registry";
import { storage } from "../storage";
import { cancelJob } from "./cancel-job";
import { isTerminal } from "./states";

/**
 * Deletes a job and every file it owns: its video, poster and input image, and what its provider
 * keeps for it here (a local render's folder with its copy of the image and any partial video).
 * An unfinished job is canceled first.
 */
export async function deleteJob(db: Db, job: Job): Promise<Result<null>> {
  const savingNow = () => fail<null>("conflict", "The video is being saved right now; delete it in a few seconds.");
  if (job.status === "saving") return savingNow();
  // It may finish (and start saving) while we cancel: then its files are about to be written.
  if (!isTerminal(job.status) && !(await cancelJob(db, job)).ok && (await getJob(db, job.id))?.status === "saving") return savingNow();
  const current = (await getJob(db, job.id)) ?? job;
  for (const key of [current.videoKey, current.posterKey, current.inputImageKey])
    if (key) await storage().delete(key);
  const model = getModel(current.model);
  if (model && current.providerJobId)
    await providerOf(model)
      .release?.({ providerJobId: current.providerJobId, providerData: current.providerData ?? null })
      .catch((err: unknown) => console.warn(`[jobs] releasing provider files of ${job.id} failed`, err));
  await deleteJobRow(db, job.id);
  return ok(null);
}
