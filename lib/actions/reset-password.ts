"use server";
import { redeemPasswordReset } from "../admin/accounts";
import { db } from "../db/client";
import { actionFail, fromAppError, type ActionResult } from "./result";

/** Sets the password a one-time link was made for, and uses the link up. */
export async function resetPassword(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const token = form.get("token");
  const password = form.get("password");
  const again = form.get("confirm");
  if (typeof token !== "string" || typeof password !== "string") return actionFail("Enter a new password.", { password: "Enter a new password." });
  if (password !== again) return actionFail("The two passwords differ.", { confirm: "Type the same password again." });
  const result = await redeemPasswordReset(await db(), token, password);
  if (!result.ok) return fromAppError(result.error);
  return { ok: true, value: null };
}
