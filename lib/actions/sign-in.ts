"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { isAPIError } from "better-auth/api";
import { clearSignInFailures, recordSignInFailure, signInBlockedFor } from "../auth/attempts";
import { auth } from "../auth/auth";
import { safeNext } from "../auth/safe-next";
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
  // Next's server fills x-forwarded-for from the socket; behind a proxy it carries the client first.
  const client = h.get("x-forwarded-for")?.split(",")[0]?.trim() || "unknown";
  const wait = signInBlockedFor(email, client);
  if (wait > 0) return actionFail(`Too many failed attempts. Try again in ${Math.ceil(wait / 60)} min.`);
  try {
    await (await auth()).api.signInEmail({ body: { email, password }, headers: h });
  } catch (err) {
    if (!isAPIError(err)) throw err;
    recordSignInFailure(email, client);
    return actionFail("That email and password do not match an account.", { password: "Check your email and password." });
  }
  clearSignInFailures(email, client);
  redirect(safeNext(next));
}
