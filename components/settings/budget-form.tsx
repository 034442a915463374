"use client";
import { useState, type FormEvent } from "react";
import { setBudgetAction } from "@/lib/actions/set-budget";
import { Button } from "../ui/button";
import { useToast } from "../ui/toaster";
import { useRunAction } from "../ui/use-run-action";

export interface PersonCap {
  id: string;
  name: string;
  capUsd: number | null;
}

interface Row {
  /** What the action is told: "instance", "perUser" or "user:<id>". */
  scope: string;
  label: string;
  placeholder: string;
}

/**
 * The owner's monthly caps; blank means no cap (for a person: the default for each person applies).
 * A job that would pass one is refused before it is sent.
 */
export function BudgetForm({ caps, people = [] }: { caps: { instance: number | null; perUser: number | null }; people?: readonly PersonCap[] }) {
  const rows: Row[] = [
    { scope: "instance", label: "Monthly cap for the whole studio (USD)", placeholder: "no cap" },
    { scope: "perUser", label: "Monthly cap for each person (USD)", placeholder: "no cap" },
    ...people.map((p) => ({ scope: `user:${p.id}`, label: `Monthly cap for ${p.name} (USD)`, placeholder: "the cap for each person" })),
  ];
  const initial: Record<string, string> = {
    instance: caps.instance?.toString() ?? "",
    perUser: caps.perUser?.toString() ?? "",
    ...Object.fromEntries(people.map((p) => [`user:${p.id}`, p.capUsd?.toString() ?? ""])),
  };
  const [values, setValues] = useState(initial);
  const { busy, run } = useRunAction<string>();
  const toast = useToast();

  async function save(e: FormEvent, scope: string) {
    e.preventDefault();
    const result = await run(scope, () => setBudgetAction(scope, values[scope] ?? ""));
    if (result.ok) toast(result.value.capUsd === null ? "Cap removed." : "Cap saved.", "success");
  }

  return (
    <div className="flex flex-col gap-3">
      {rows.map((row) => (
        <form key={row.scope} onSubmit={(e) => save(e, row.scope)} className="flex items-end gap-2">
          <label className="flex flex-1 flex-col gap-1 text-sm text-neutral-200">
            {row.label}
            <input
              inputMode="decimal"
              value={values[row.scope] ?? ""}
              placeholder={row.placeholder}
              onChange={(e) => setValues({ ...values, [row.scope]: e.target.value })}
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
