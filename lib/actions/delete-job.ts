"use server";
import { db } from "../db/client";
import { deleteJob } from "../jobs/delete-job";
import { ownedJob } from "./owned-job";
import { fromAppError, type ActionResult } from "./result";

/** Deletes the job, its video, poster and input image, and any share links to it. */
export async function deleteJobAction(id: string): Promise<ActionResult> {
  const owned = await ownedJob(id);
  if ("fail" in owned) return owned.fail;
  const result = await deleteJob(await db(), owned.job);
  if (!result.ok) return fromAppError(result.error);
  return { ok: true, value: null };
}
