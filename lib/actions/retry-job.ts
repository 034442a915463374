"use server";
import { db } from "../db/client";
import { pickJobFields } from "../http/parse-job-request";
import { createJob } from "../jobs/create-job";
import { serializeJob, type JobJson } from "../jobs/serialize";
import { storage } from "../storage";
import { ownedJob } from "./owned-job";
import { actionFail, fromAppError, type ActionResult } from "./result";

/** Runs the same request again as a new job that points back to this one. */
export async function retryJobAction(id: string): Promise<ActionResult<JobJson>> {
  const owned = await ownedJob(id);
  if ("fail" in owned) return owned.fail;
  const { job, viewer } = owned;
  const image = job.inputImageKey ? await storage().read(job.inputImageKey) : null;
  if (job.inputImageKey && !image) return actionFail("The input image of this video is gone; use Remix to pick a new one.");
  const created = await createJob(await db(), { fields: pickJobFields(job), image, userId: viewer.userId, parentId: job.id });
  return created.ok ? { ok: true, value: serializeJob(created.value) } : fromAppError(created.error);
}
