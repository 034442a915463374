"use client";
import { useState } from "react";
import { testProviderConnectionAction } from "@/lib/actions/provider-settings";
import { Button } from "../ui/button";
import { useRunAction } from "../ui/use-run-action";

/** Makes the provider's cheapest authenticated call and says, next to the button, what came back. */
export function TestConnectionButton({ provider, label }: { provider: string; label: string }) {
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const { busy, run } = useRunAction<"test">();

  async function test() {
    const result = await run("test", () => testProviderConnectionAction(provider), { toastFailure: false });
    setOutcome(result.ok ? { ok: true, text: result.value.message } : { ok: false, text: result.error });
  }

  return (
    <div className="flex flex-col gap-1.5 sm:flex-row sm:items-center">
      <Button size="sm" busy={busy === "test"} onClick={test}>
        Test connection to {label}
      </Button>
      <p role="status" className={outcome?.ok ? "text-xs text-emerald-300" : "text-xs text-red-300"}>
        {outcome?.text}
      </p>
    </div>
  );
}
