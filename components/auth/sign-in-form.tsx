"use client";
import { useActionState, useState } from "react";
import { signIn } from "@/lib/actions/sign-in";
import { Button } from "../ui/button";
import { TextField } from "../ui/field";
import { fieldError, FormError } from "./form-error";

/** Email and password, plus where to go afterwards. Works without JavaScript; keeps what was typed on error. */
export function SignInForm({ next }: { next?: string }) {
  const [state, action, pending] = useActionState(signIn, null);
  const [values, setValues] = useState({ email: "", password: "" });
  const set = (k: keyof typeof values) => (e: React.ChangeEvent<HTMLInputElement>) => setValues((v) => ({ ...v, [k]: e.target.value }));
  const err = (k: string) => fieldError(state, k);

  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      {next && <input type="hidden" name="next" value={next} />}
      <FormError state={state} />
      <TextField id="email" label="Email" error={err("email")} name="email" type="email" autoComplete="email" required value={values.email} onChange={set("email")} />
      <TextField id="password" label="Password" error={err("password")} name="password" type="password" autoComplete="current-password" required value={values.password} onChange={set("password")} />
      <Button type="submit" variant="primary" disabled={pending} aria-busy={pending} className="mt-1">
        Sign in
      </Button>
    </form>
  );
}
