"use server";
import { currentViewer } from "../auth/viewer";
import { db } from "../db/client";
import { getOwnedJob } from "../db/queries/jobs";
import { readJobForm } from "../http/parse-job-request";
import { createGeneration } from "../jobs/create-generation";
import { serializeJob, type JobJson } from "../jobs/serialize";
import { resolveProjectId } from "../projects/projects";
import { actionFail, fromAppError, SIGNED_OUT, type ActionResult } from "./result";

/**
 * The composer's Generate with takes and compare: the same form as createJobAction plus `takes`
 * (1, 2 or 4), `compare` (model ids, repeated) and `projectId`; one generation, all its jobs.
 */
export async function createGenerationAction(form: FormData): Promise<ActionResult<JobJson[]>> {
  const viewer = await currentViewer();
  if (!viewer) return actionFail(SIGNED_OUT);
  const read = await readJobForm(form);
  if (!read.ok) return fromAppError(read.error);
  const { fields, image } = read.value;
  const database = await db();
  const project = await resolveProjectId(database, viewer.userId, form.get("projectId"));
  if (!project.ok) return fromAppError(project.error);
  const parentId = form.get("parentId");
  const parent = typeof parentId === "string" && parentId ? await getOwnedJob(database, parentId, viewer.userId) : undefined;
  const takesField = form.get("takes");
  const takes = typeof takesField === "string" && /^\d{1,2}$/.test(takesField) ? Number(takesField) : takesField === null ? 1 : NaN;
  const compare = form.getAll("compare").filter((v): v is string => typeof v === "string" && v !== "");
  const created = await createGeneration(database, {
    fields,
    image,
    userId: viewer.userId,
    parentId: parent?.id ?? null,
    projectId: project.value,
    takes,
    compare,
  });
  return created.ok ? { ok: true, value: created.value.map((j) => serializeJob(j)) } : fromAppError(created.error);
}
