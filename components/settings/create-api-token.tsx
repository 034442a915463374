"use client";
import { useState } from "react";
import { createApiTokenAction } from "@/lib/actions/api-tokens";
import { Button } from "../ui/button";
import { describedBy, Field, Input } from "../ui/field";
import { useRunAction } from "../ui/use-run-action";
import { ShownOnce } from "./shown-once";

/** Names and creates a personal API token, then shows it this once: only its hash is kept. */
export function CreateApiToken() {
  const [name, setName] = useState("");
  const [error, setError] = useState<string>();
  const [token, setToken] = useState<string>();
  const { busy, run } = useRunAction<"create">();

  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    // The field shows what went wrong; no toast as well.
    const result = await run("create", () => createApiTokenAction(name), { toastFailure: false });
    if (!result.ok) return setError(result.fieldErrors?.name ?? result.error);
    setError(undefined);
    setName("");
    setToken(result.value.token);
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
      {token && <ShownOnce value={token} what="Token" testId="new-api-token" title="Your new token. Copy it now: it is shown only once." />}
    </div>
  );
}
