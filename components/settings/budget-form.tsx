"use client";
import { useState, type FormEvent } from "react";
import { setBudgetAction } from "@/lib/actions/set-budget";
import { Button } from "../ui/button";
import { useToast } from "../ui/toaster";
import { useRunAction } from "../ui/use-run-action";

type Scope = "instance" | "perUser";
const LABELS: Record<Scope, string> = { instance: "Monthly cap for the whole studio (USD)", perUser: "Monthly cap for each person (USD)" };

/** The owner's monthly caps; blank means no cap. A job that would pass one is refused before it is sent. */
export function BudgetForm({ caps }: { caps: Record<Scope, number | null> }) {
  const [values, setValues] = useState<Record<Scope, string>>({ instance: caps.instance?.toString() ?? "", perUser: caps.perUser?.toString() ?? "" });
  const { busy, run } = useRunAction<Scope>();
  const toast = useToast();

  async function save(e: FormEvent, scope: Scope) {
    e.preventDefault();
    const result = await run(scope, () => setBudgetAction(scope, values[scope]));
    if (result.ok) toast(result.value.capUsd === null ? "Cap removed." : "Cap saved.", "success");
  }

  return (
    <div className="flex flex-col gap-3">
      {(["instance", "perUser"] as const).map((scope) => (
        <form key={scope} onSubmit={(e) => save(e, scope)} className="flex items-end gap-2">
          <label className="flex flex-1 flex-col gap-1 text-sm text-neutral-200">
            {LABELS[scope]}
            <input
              inputMode="decimal"
              value={values[scope]}
              placeholder="no cap"
              onChange={(e) => setValues({ ...values, [scope]: e.target.value })}
              className="rounded-md border border-neutral-700 bg-neutral-900 px-2 py-1.5 text-neutral-100 focus-visible:outline-2 focus-visible:outline-violet-400"
            />
          </label>
          <Button type="submit" disabled={busy !== null}>
            Save
          </Button>
        </form>
      ))}
    </div>
  );
}
