"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { isAPIError } from "better-auth/api";
import { auth } from "../auth/auth";
import { claimOwnership, SIGNUP_CLOSED_MESSAGE, signupOpen } from "../auth/instance";
import { db } from "../db/client";
import { fieldErrors } from "../jobs/schemas";
import { actionFail, type ActionResult } from "./result";

const schema = z.object({
  name: z.string().trim().min(1, "Enter your name.").max(80, "Use at most 80 characters."),
  email: z.string().trim().toLowerCase().pipe(z.email("Enter an email address like you@example.com.")),
  password: z.string().min(8, "Use at least 8 characters.").max(128, "Use at most 128 characters."),
});

/** The answer when the email already has an account: it must not say so, or sign-up tells anyone who is registered. */
const NOT_CREATED = "Could not create an account with these details. If you already have one, sign in instead.";

/** Creates an account and signs it in. The first account owns the instance; later ones need sign-up to be open. */
export async function signUp(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const parsed = schema.safeParse({ name: form.get("name"), email: form.get("email"), password: form.get("password") });
  if (!parsed.success) return actionFail("Check the highlighted fields.", fieldErrors(parsed.error));
  // An early answer; the decision that counts is taken atomically as the account is written (lib/auth/auth.ts).
  if (!(await signupOpen(await db())).open) return actionFail(SIGNUP_CLOSED_MESSAGE);
  try {
    const res = await (await auth()).api.signUpEmail({ body: parsed.data, headers: await headers() });
    // The first account was made the owner as it was written; this gives it the jobs made before accounts.
    await claimOwnership(await db(), res.user.id);
  } catch (err) {
    if (isAPIError(err) && String(err.body?.code).startsWith("USER_ALREADY_EXISTS")) {
      // Neither the sentence nor the time taken says the email is taken: hash the password as creating the account would.
      await (await (await auth()).$context).password.hash(parsed.data.password);
      return actionFail(NOT_CREATED);
    }
    if (isAPIError(err)) return actionFail(err.body?.message ?? "Could not create the account.");
    throw err;
  }
  redirect("/");
}
