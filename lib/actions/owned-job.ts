import "server-only";
import { currentViewer, type Viewer } from "../auth/viewer";
import { db } from "../db/client";
import { getOwnedJob } from "../db/queries/jobs";
import type { Job } from "../db/schema";
import { actionFail, NO_SUCH_JOB, SIGNED_OUT, type ActionResult } from "./result";

/** Who is asking and the job they name, if they own it; anyone else gets the same answer as for a missing job. */
export async function ownedJob(id: unknown): Promise<{ viewer: Viewer; job: Job } | { fail: ActionResult<never> }> {
  const viewer = await currentViewer();
  if (!viewer) return { fail: actionFail(SIGNED_OUT) };
  const job = typeof id === "string" ? await getOwnedJob(await db(), id, viewer.userId) : undefined;
  if (!job) return { fail: actionFail(NO_SUCH_JOB) };
  return { viewer, job };
}
