"use server";
import { revalidatePath } from "next/cache";
import { disableAccount, enableAccount, passwordResetLink } from "../admin/accounts";
import { isOwner } from "../auth/instance";
import { currentViewer } from "../auth/viewer";
import { db } from "../db/client";
import { findAccountById } from "../db/queries/accounts";
import { publicOrigin } from "../http/public-origin";
import { actionFail, fromAppError, SIGNED_OUT, type ActionResult } from "./result";

const NOT_OWNER = "Only the owner of this studio can manage people.";

async function ownerAndPerson(userId: unknown): Promise<ActionResult<{ id: string; email: string }>> {
  const viewer = await currentViewer();
  if (!viewer) return actionFail(SIGNED_OUT);
  if (!(await isOwner(await db(), viewer.userId))) return actionFail(NOT_OWNER);
  const person = typeof userId === "string" ? await findAccountById(await db(), userId.slice(0, 64)) : undefined;
  if (!person) return actionFail("That account no longer exists.");
  return { ok: true, value: person };
}

/** A one-time link (24 h) for someone to set a new password; the owner passes it on. */
export async function passwordResetLinkAction(userId: string): Promise<ActionResult<{ url: string; email: string }>> {
  const who = await ownerAndPerson(userId);
  if (!who.ok) return who;
  const link = await passwordResetLink(await db(), who.value.id, await publicOrigin());
  return { ok: true, value: { url: link.url, email: who.value.email } };
}

export async function setPersonDisabledAction(userId: string, disabled: boolean): Promise<ActionResult> {
  const who = await ownerAndPerson(userId);
  if (!who.ok) return who;
  if (typeof disabled !== "boolean") return actionFail("Choose disable or enable.");
  const result = disabled ? await disableAccount(await db(), who.value.id) : await enableAccount(await db(), who.value.id);
  if (!result.ok) return fromAppError(result.error);
  revalidatePath("/settings");
  return { ok: true, value: null };
}
