"use client";
import { useActionState, useState } from "react";
import { signUp } from "@/lib/actions/sign-up";
import { Button } from "../ui/button";
import { TextField } from "../ui/field";
import { fieldError, FormError } from "./form-error";

/**
 * Name, email, password. The server action is the form's action, so it works before (or
 * without) JavaScript; the fields are controlled so nothing typed is lost when it fails.
 */
export function SignUpForm({ submitLabel = "Create account" }: { submitLabel?: string }) {
  const [state, action, pending] = useActionState(signUp, null);
  const [values, setValues] = useState({ name: "", email: "", password: "" });
  const set = (k: keyof typeof values) => (e: React.ChangeEvent<HTMLInputElement>) => setValues((v) => ({ ...v, [k]: e.target.value }));
  const err = (k: string) => fieldError(state, k);

  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <FormError state={state} />
      <TextField id="name" label="Name" error={err("name")} name="name" autoComplete="name" required maxLength={80} value={values.name} onChange={set("name")} />
      <TextField id="email" label="Email" error={err("email")} name="email" type="email" autoComplete="email" required value={values.email} onChange={set("email")} />
      <TextField id="password" label="Password" hint="At least 8 characters." error={err("password")} name="password" type="password" autoComplete="new-password" required minLength={8} maxLength={128} value={values.password} onChange={set("password")} />
      <Button type="submit" variant="primary" disabled={pending} aria-busy={pending} className="mt-1">
        {submitLabel}
      </Button>
    </form>
  );
}
