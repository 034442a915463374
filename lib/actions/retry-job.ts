"use server";
import { db } from "../db/client";
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
  let image: Buffer | null = null;
  if (job.inputImageKey) {
    image = await storage().read(job.inputImageKey);
    if (!image) return actionFail("The input image of this video is gone; use Remix to pick a new one.");
  }
  const fields = {
    model: job.model,
    prompt: job.prompt,
    negativePrompt: job.negativePrompt ?? undefined,
    aspectRatio: job.aspectRatio,
    durationSeconds: job.durationSeconds,
    resolution: job.resolution,
    fps: job.fps,
    seed: job.seed ?? undefined,
  };
  const created = await createJob(db(), { fields, image, userId: viewer.userId, parentId: job.id });
  return created.ok ? { ok: true, value: serializeJob(created.value) } : fromAppError(created.error);
}
