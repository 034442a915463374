"use server";
import { currentViewer } from "../auth/viewer";
import { db } from "../db/client";
import { getOwnedJob } from "../db/queries/jobs";
import { readJobForm } from "../http/parse-job-request";
import { createJob } from "../jobs/create-job";
import { serializeJob, type JobJson } from "../jobs/serialize";
import { actionFail, fromAppError, SIGNED_OUT, type ActionResult } from "./result";

/** The composer's Generate: the same form reading and createJob service as POST /api/jobs. */
export async function createJobAction(form: FormData): Promise<ActionResult<JobJson>> {
  const viewer = await currentViewer();
  if (!viewer) return actionFail(SIGNED_OUT);
  const read = await readJobForm(form);
  if (!read.ok) return fromAppError(read.error);
  const { fields, image } = read.value;
  const parentId = form.get("parentId");
  const parent = typeof parentId === "string" && parentId ? await getOwnedJob(await db(), parentId, viewer.userId) : undefined;
  const created = await createJob(await db(), { fields, image, userId: viewer.userId, parentId: parent?.id ?? null });
  return created.ok ? { ok: true, value: serializeJob(created.value) } : fromAppError(created.error);
}
