"use client";
import Link from "next/link";
import { useActionState, useState } from "react";
import { resetPassword } from "@/lib/actions/reset-password";
import { Button } from "../ui/button";
import { TextField } from "../ui/field";
import { linkClass } from "./auth-card";
import { fieldError, FormError } from "./form-error";

/** A new password, twice; on success, the way to sign in with it. */
export function ResetPasswordForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState(resetPassword, null);
  const [values, setValues] = useState({ password: "", confirm: "" });
  const set = (k: keyof typeof values) => (e: React.ChangeEvent<HTMLInputElement>) => setValues((v) => ({ ...v, [k]: e.target.value }));
  if (state?.ok)
    return (
      <p role="status" className="text-sm text-neutral-200">
        Your password is set. <Link href="/sign-in" className={linkClass}>Sign in</Link> with it.
      </p>
    );
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="token" value={token} />
      <FormError state={state} />
      <TextField id="password" label="New password" hint="At least 8 characters." error={fieldError(state, "password")} name="password" type="password" autoComplete="new-password" required value={values.password} onChange={set("password")} />
      <TextField id="confirm" label="The same again" error={fieldError(state, "confirm")} name="confirm" type="password" autoComplete="new-password" required value={values.confirm} onChange={set("confirm")} />
      <Button type="submit" variant="primary" disabled={pending} aria-busy={pending} className="mt-1">
        Set password
      </Button>
    </form>
  );
}
