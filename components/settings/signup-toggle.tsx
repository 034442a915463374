"use client";
import { useState } from "react";
import { setSignupOpenAction } from "@/lib/actions/set-signup-open";
import { useToast } from "../ui/toaster";
import { useRunAction } from "../ui/use-run-action";

/** The owner's switch for who may create an account; ALLOW_SIGNUP=true overrides it from the environment. */
export function SignupToggle({ open, byEnv }: { open: boolean; byEnv: boolean }) {
  const [checked, setChecked] = useState(open || byEnv);
  const { busy, run } = useRunAction<"save">();
  const toast = useToast();

  async function change(next: boolean) {
    setChecked(next);
    const result = await run("save", () => setSignupOpenAction(next));
    if (result.ok) toast(next ? "Sign-up is open: anyone who can reach this studio may create an account." : "Sign-up is closed.", "success");
    else setChecked(!next);
  }

  return (
    <div className="flex items-start gap-3">
      <input
        id="allow-signup"
        type="checkbox"
        checked={checked}
        disabled={byEnv || busy !== null}
        onChange={(e) => change(e.target.checked)}
        aria-describedby="allow-signup-hint"
        className="mt-0.5 size-4 accent-violet-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-violet-400 disabled:opacity-60"
      />
      <div className="flex flex-col gap-0.5">
        <label htmlFor="allow-signup" className="text-sm font-medium text-neutral-100">
          Allow sign-up
        </label>
        <p id="allow-signup-hint" className="text-xs text-neutral-400">
          {byEnv
            ? "Set by ALLOW_SIGNUP in this studio's environment; remove it there to decide here."
            : "When on, anyone who can reach this studio may create their own private account."}
        </p>
      </div>
    </div>
  );
}
