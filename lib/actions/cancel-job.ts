"use server";
import { db } from "../db/client";
import { cancelJob } from "../jobs/cancel-job";
import { serializeJob, type JobJson } from "../jobs/serialize";
import { ownedJob } from "./owned-job";
import { fromAppError, type ActionResult } from "./result";

export async function cancelJobAction(id: string): Promise<ActionResult<JobJson>> {
  const owned = await ownedJob(id);
  if ("fail" in owned) return owned.fail;
  const result = await cancelJob(await db(), owned.job);
  return result.ok ? { ok: true, value: serializeJob(result.value) } : fromAppError(result.error);
}
