"use server";
import { revalidatePath } from "next/cache";
import { isOwner, setSignupOpen } from "../auth/instance";
import { currentViewer } from "../auth/viewer";
import { db } from "../db/client";
import { actionFail, SIGNED_OUT, type ActionResult } from "./result";

/** Only the instance owner may open or close sign-up. */
export async function setSignupOpenAction(open: boolean): Promise<ActionResult<{ open: boolean }>> {
  const viewer = await currentViewer();
  if (!viewer) return actionFail(SIGNED_OUT);
  if (!(await isOwner(await db(), viewer.userId))) return actionFail("Only the owner of this studio can change who may sign up.");
  if (typeof open !== "boolean") return actionFail("Choose open or closed.");
  await setSignupOpen(await db(), open);
  revalidatePath("/settings");
  return { ok: true, value: { open } };
}
