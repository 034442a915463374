"use server";
import { revalidatePath } from "next/cache";
import { createApiToken, MAX_API_TOKENS, revokeApiToken } from "../auth/api-tokens";
import { currentViewer } from "../auth/viewer";
import { db } from "../db/client";
import { actionFail, SIGNED_OUT, type ActionResult } from "./result";

/** Returns the token in full this once; afterwards only its first characters are shown. */
export async function createApiTokenAction(name: string): Promise<ActionResult<{ token: string }>> {
  const viewer = await currentViewer();
  if (!viewer) return actionFail(SIGNED_OUT);
  const clean = typeof name === "string" ? name.trim() : "";
  if (!clean || clean.length > 60) return actionFail("Name the token (up to 60 characters), e.g. “render script”.", { name: "Enter a name." });
  const created = await createApiToken(await db(), viewer.userId, clean);
  if (!created) return actionFail(`You already have ${MAX_API_TOKENS} API tokens. Revoke one you no longer use first.`);
  revalidatePath("/settings");
  return { ok: true, value: { token: created.token } };
}

export async function revokeApiTokenAction(id: string): Promise<ActionResult> {
  const viewer = await currentViewer();
  if (!viewer) return actionFail(SIGNED_OUT);
  if (typeof id !== "string" || !(await revokeApiToken(await db(), viewer.userId, id))) return actionFail("That token is already revoked.");
  revalidatePath("/settings");
  return { ok: true, value: null };
}
