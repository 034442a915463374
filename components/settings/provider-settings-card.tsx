"use client";
import { useState } from "react";
import { removeProviderSettingAction, saveProviderSettingsAction, testProviderConnectionAction } from "@/lib/actions/provider-settings";
import type { ConnectionTest } from "@/lib/provider-settings/manage";
import type { ProviderSettingsView } from "@/lib/provider-settings/view";
import { Button } from "../ui/button";
import { cn } from "../ui/cn";
import { useToast } from "../ui/toaster";
import { useRunAction } from "../ui/use-run-action";
import { ProviderSettingField } from "./provider-setting-field";

type Busy = "save" | "test" | `remove:${string}`;

/** One provider in Settings → Providers: its settings, Save, Test connection and what the test said. */
export function ProviderSettingsCard({ initial }: { initial: ProviderSettingsView }) {
  const [view, setView] = useState(initial);
  const [values, setValues] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string>();
  const [test, setTest] = useState<ConnectionTest | null>(null);
  const { busy, run } = useRunAction<Busy>();
  const toast = useToast();
  const titleId = `provider-${view.id}-title`;
  const editable = view.fields.some((f) => f.source !== "env");

  async function save(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const result = await run("save", () => saveProviderSettingsAction(view.id, values), { toastFailure: false });
    if (!result.ok) {
      setErrors(result.fieldErrors ?? {});
      setFormError(result.fieldErrors ? undefined : result.error);
      return;
    }
    setErrors({});
    setFormError(undefined);
    setValues({});
    setTest(null);
    setView(result.value);
    toast(`${view.label} settings saved.`, "success");
  }

  async function remove(name: string) {
    const result = await run(`remove:${name}`, () => removeProviderSettingAction(view.id, name));
    if (!result.ok) return;
    setTest(null);
    setView(result.value);
    toast(`${name} removed.`, "success");
  }

  async function testConnection() {
    setTest(null);
    const result = await run("test", () => testProviderConnectionAction(view.id));
    if (result.ok) setTest(result.value);
  }

  return (
    <section aria-labelledby={titleId} data-testid={`provider-${view.id}`} className="rounded-lg border border-neutral-800 p-3 sm:p-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id={titleId} className="text-sm font-semibold text-neutral-100">
          {view.label}
        </h3>
        <span
          data-testid={`provider-${view.id}-state`}
          className={cn(
            "rounded-full px-2 py-0.5 text-xs font-medium",
            view.configured ? "bg-emerald-500/15 text-emerald-300" : "bg-neutral-800 text-neutral-400",
          )}
        >
          {view.configured ? "Configured" : "Not configured"}
        </span>
      </div>
      {!view.configured && <p className="mt-1 text-xs text-neutral-400">{view.hint}</p>}
      <form onSubmit={save} noValidate className="mt-3 flex flex-col gap-3" aria-label={`${view.label} settings`}>
        {view.fields.map((f) => (
          <ProviderSettingField
            key={f.name}
            providerId={view.id}
            field={f}
            value={values[f.name] ?? ""}
            error={errors[f.name]}
            removing={busy === `remove:${f.name}`}
            onChange={(v) => setValues((all) => ({ ...all, [f.name]: v }))}
            onRemove={() => remove(f.name)}
          />
        ))}
        {formError && (
          <p role="alert" className="text-xs text-red-400">
            {formError}
          </p>
        )}
        <div className="flex flex-wrap items-center gap-2">
          {editable && (
            <Button type="submit" variant="primary" size="sm" busy={busy === "save"}>
              Save
            </Button>
          )}
          {view.canTest && (
            <Button size="sm" busy={busy === "test"} onClick={testConnection}>
              Test connection
            </Button>
          )}
          <p role="status" data-testid={`provider-${view.id}-test`} className={cn("text-xs", test?.connected ? "text-emerald-300" : "text-red-300")}>
            {test?.message}
          </p>
        </div>
      </form>
    </section>
  );
}
