"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { isAPIError } from "better-auth/api";
import { clearSignInFailures, recordSignInFailure, signInBlockedFor } from "../auth/attempts";
import { auth } from "../auth/auth";
import { fieldErrors } from "../jobs/schemas";
import { actionFail, type ActionResult } from "./result";

const schema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email("Enter the email address of your account.")),
  password: z.string().min(1, "Enter your password.").max(128),
  next: z.string().optional(),
});

/** Only paths on this site, so a crafted link cannot send someone elsewhere after sign-in. */
function safeNext(next: string | undefined): string {
  return next && /^\/(?![/\\])/.test(next) ? next : "/";
}

export async function signIn(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const parsed = schema.safeParse({ email: form.get("email"), password: form.get("password"), next: form.get("next") ?? undefined });
  if (!parsed.success) return actionFail("Check the highlighted fields.", fieldErrors(parsed.error));
  const { email, password, next } = parsed.data;
  const wait = signInBlockedFor(email);
  if (wait > 0) return actionFail(`Too many failed attempts for this account. Try again in ${Math.ceil(wait / 60)} min.`);
  try {
    await auth().api.signInEmail({ body: { email, password }, headers: await headers() });
  } catch (err) {
    if (!isAPIError(err)) throw err;
    recordSignInFailure(email);
    return actionFail("That email and password do not match an account.", { password: "Check your email and password." });
  }
  clearSignInFailures(email);
  redirect(safeNext(next));
}
