"use server";
import { db } from "../db/client";
import { setFavorite } from "../db/queries/jobs";
import { ownedJob } from "./owned-job";
import { actionFail, type ActionResult } from "./result";

export async function setFavoriteAction(id: string, favorite: boolean): Promise<ActionResult<{ favorite: boolean }>> {
  if (typeof favorite !== "boolean") return actionFail("Favorite must be on or off.");
  const owned = await ownedJob(id);
  if ("fail" in owned) return owned.fail;
  setFavorite(db(), owned.job.id, owned.viewer.userId, favorite);
  return { ok: true, value: { favorite } };
}
