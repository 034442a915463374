"use server";
import { currentViewer } from "../auth/viewer";
import { db } from "../db/client";
import { setFavorite } from "../db/queries/jobs";
import { actionFail, NO_SUCH_JOB, SIGNED_OUT, type ActionResult } from "./result";

export async function setFavoriteAction(id: string, favorite: boolean): Promise<ActionResult<{ favorite: boolean }>> {
  const viewer = await currentViewer();
  if (!viewer) return actionFail(SIGNED_OUT);
  if (typeof favorite !== "boolean") return actionFail("Favorite must be on or off.");
  // The update is scoped to the viewer's own jobs, so it is the ownership check too.
  if (typeof id !== "string" || !(await setFavorite(await db(), id, viewer.userId, favorite))) return actionFail(NO_SUCH_JOB);
  return { ok: true, value: { favorite } };
}
