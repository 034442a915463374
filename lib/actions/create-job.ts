"use server";
import { revalidatePath } from "next/cache";
import { currentViewer } from "../auth/viewer";
import { db } from "../db/client";
import { getOwnedJob } from "../db/queries/jobs";
import { MAX_IMAGE_BYTES } from "../media/image-input";
import { createJob } from "../jobs/create-job";
import { serializeJob, type JobJson } from "../jobs/serialize";
import { actionFail, fromAppError, SIGNED_OUT, type ActionResult } from "./result";

const FIELDS = ["model", "prompt", "negativePrompt", "aspectRatio", "durationSeconds", "resolution", "fps", "seed"] as const;

/** The composer's Generate: the same createJob service as POST /api/jobs. */
export async function createJobAction(form: FormData): Promise<ActionResult<JobJson>> {
  const viewer = await currentViewer();
  if (!viewer) return actionFail(SIGNED_OUT);

  const fields: Record<string, unknown> = {};
  for (const name of FIELDS) {
    const value = form.get(name);
    if (typeof value === "string" && value !== "") fields[name] = value;
  }
  const file = form.get("image");
  let image: Buffer | null = null;
  if (file instanceof File && file.size > 0) {
    if (file.size > MAX_IMAGE_BYTES) return actionFail("The image is larger than 10 MB.", { image: "The image is larger than 10 MB." });
    image = Buffer.from(await file.arrayBuffer());
  }
  const parentId = form.get("parentId");
  const parent = typeof parentId === "string" && parentId ? getOwnedJob(db(), parentId, viewer.userId) : undefined;

  const created = await createJob(db(), { fields, image, userId: viewer.userId, parentId: parent?.id ?? null });
  if (!created.ok) return fromAppError(created.error);
  revalidatePath("/gallery");
  return { ok: true, value: serializeJob(created.value) };
}
