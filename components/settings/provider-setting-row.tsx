"use client";
import { useState } from "react";
import { removeProviderSettingAction, saveProviderSettingAction } from "@/lib/actions/provider-settings";
import type { SettingView } from "@/lib/providers/settings-view";
import { Button } from "../ui/button";
import { describedBy, Field, Input } from "../ui/field";
import { useToast } from "../ui/toaster";
import { useRunAction } from "../ui/use-run-action";

function currently(s: SettingView): string {
  if (s.source === "environment") return s.shown ? `Set by the server: ${s.shown}` : "Set by the server.";
  if (s.source === "saved") return `Saved here: ${s.shown ?? "…"}`;
  return s.shown ? `Default: ${s.shown}` : "Not set.";
}

/** One provider setting: what it is now, a field to save a new value (a secret is never shown again), Remove. */
export function ProviderSettingRow({ provider, setting }: { provider: string; setting: SettingView }) {
  const [value, setValue] = useState("");
  const [error, setError] = useState<string>();
  const { busy, run } = useRunAction<"save" | "remove">();
  const toast = useToast();
  const id = `setting-${setting.name}`;
  const byServer = setting.source === "environment";

  async function save(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const result = await run("save", () => saveProviderSettingAction(provider, setting.name, value), { toastFailure: false });
    if (!result.ok) return setError(result.fieldErrors?.[setting.name] ?? result.error);
    setError(undefined);
    setValue("");
    toast(`${setting.name} saved; it is used from the next request on.`, "success");
  }

  async function remove() {
    const result = await run("remove", () => removeProviderSettingAction(provider, setting.name));
    if (result.ok) toast(`${setting.name} removed.`, "success");
  }

  return (
    <form onSubmit={save} className="flex flex-col gap-2 sm:flex-row sm:items-start" noValidate>
      <Field id={id} label={setting.name} hint={currently(setting)} error={error} className="flex-1">
        <Input
          id={id}
          name={setting.name}
          type={setting.secret ? "password" : "text"}
          autoComplete="off"
          disabled={byServer}
          placeholder={byServer ? "Change it in the server's environment" : setting.secret ? "Paste a new value" : "https://…"}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          {...describedBy(id, error, true)}
        />
      </Field>
      <div className="flex gap-2 sm:mt-7">
        <Button type="submit" size="sm" className="h-9" disabled={byServer} busy={busy === "save"}>
          Save
        </Button>
        {setting.source === "saved" && (
          <Button size="sm" variant="ghost" className="h-9 text-red-300" busy={busy === "remove"} onClick={remove}>
            Remove
          </Button>
        )}
      </div>
    </form>
  );
}
