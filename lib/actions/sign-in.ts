"use server";
import { setTimeout as delay } from "node:timers/promises";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { isAPIError } from "better-auth/api";
import { clearSignInFailures, recordSignInFailure, signInThrottle } from "../auth/attempts";
import { auth } from "../auth/auth";
import { db } from "../db/client";
import { deleteSessionsOf, isDisabled } from "../db/queries/accounts";
import { safeNext } from "../auth/safe-next";
import { clientAddress } from "../http/client-address";
import { fieldErrors } from "../jobs/schemas";
import { actionFail, type ActionResult } from "./result";

const schema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email("Enter the email address of your account.")),
  password: z.string().min(1, "Enter your password.").max(128),
  next: z.string().optional(),
});

export async function signIn(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const parsed = schema.safeParse({ email: form.get("email"), password: form.get("password"), next: form.get("next") ?? undefined });
  if (!parsed.success) return actionFail("Check the highlighted fields.", fieldErrors(parsed.error));
  const { email, password, next } = parsed.data;
  const h = await headers();
  const client = clientAddress(h);
  const database = await db();
  const throttle = await signInThrottle(database, email, client);
  if (throttle.blockedForSeconds > 0)
    return actionFail(`Too many failed attempts. Try again in ${Math.ceil(throttle.blockedForSeconds / 60)} min.`);
  // Someone is guessing this account from many places: every attempt waits, the right password still works.
  if (throttle.delayMs > 0) await delay(throttle.delayMs);
  try {
    const signedIn = await (await auth()).api.signInEmail({ body: { email, password }, headers: h });
    // Told only to someone who knows the password, so it gives nothing away about who has an account.
    if (await isDisabled(await db(), signedIn.user.id)) {
      await deleteSessionsOf(await db(), signedIn.user.id);
      return actionFail("This account has been disabled. Ask the owner of this studio.");
    }
  } catch (err) {
    if (!isAPIError(err)) throw err;
    await recordSignInFailure(database, email, client);
    return actionFail("That email and password do not match an account.", { password: "Check your email and password." });
  }
  await clearSignInFailures(database, email, client);
  redirect(safeNext(next));
}
