"use client";
import { useState } from "react";
import { createApiTokenAction } from "@/lib/actions/api-tokens";
import { Button } from "../ui/button";
import { describedBy, Field, Input } from "../ui/field";
import { useToast } from "../ui/toaster";
import { useRunAction } from "../ui/use-run-action";
import { copyText } from "../share/copy-text";

/** Names and creates a personal API token, then shows it this once: only its hash is kept. */
export function CreateApiToken() {
  const [name, setName] = useState("");
  const [error, setError] = useState<string>();
  const [token, setToken] = useState<string>();
  const { busy, run } = useRunAction<"create">();
  const toast = useToast();

  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    // The field shows what went wrong; no toast as well.
    const result = await run("create", () => createApiTokenAction(name), { toastFailure: false });
    if (!result.ok) return setError(result.fieldErrors?.name ?? result.error);
    setError(undefined);
    setName("");
    setToken(result.value.token);
  }

  async function copy() {
    if (token && (await copyText(token))) toast("Token copied", "success");
    else toast("Could not copy the token: select it and press Ctrl+C (or ⌘C).", "error");
  }

  return (
    <div className="flex flex-col gap-4">
      <form onSubmit={submit} className="flex flex-col gap-3 sm:flex-row sm:items-start" noValidate>
        <Field id="token-name" label="Token name" hint="What will use it, e.g. “render script”." error={error} className="flex-1">
          <Input
            id="token-name"
            name="name"
            maxLength={60}
            autoComplete="off"
            value={name}
            onChange={(e) => setName(e.target.value)}
            {...describedBy("token-name", error, true)}
          />
        </Field>
        <Button type="submit" variant="primary" busy={busy === "create"} className="sm:mt-7">
          Create token
        </Button>
      </form>
      {token && (
        <div className="rounded-lg border border-violet-500/40 bg-violet-500/10 p-3">
          <p className="text-sm font-medium text-violet-100">Your new token. Copy it now: it is shown only once.</p>
          <div className="mt-2 flex flex-col gap-2 sm:flex-row sm:items-center">
            <code data-testid="new-api-token" className="min-w-0 flex-1 break-all rounded-md bg-neutral-950 px-3 py-2 font-mono text-xs text-neutral-100 select-all">
              {token}
            </code>
            <Button size="sm" className="h-9" onClick={copy}>
              Copy
            </Button>
          </div>
        </div>
      )}
    </div>
  );
}
