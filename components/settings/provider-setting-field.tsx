"use client";
import type { SettingFieldView } from "@/lib/provider-settings/view";
import { Button } from "../ui/button";
import { describedBy, Field, Input } from "../ui/field";

function hintFor(field: SettingFieldView): string {
  switch (field.source) {
    case "saved":
      return field.secret ? `Saved: ${field.shown}. Enter a new value to replace it.` : `Saved: ${field.shown}.`;
    case "unreadable":
      return "A value is saved but cannot be read (it was saved under another APP_SECRET). Save it again, or remove it.";
    default:
      return field.defaultValue ? `Default: ${field.defaultValue}` : field.secret ? "Not set." : "Optional.";
  }
}

/**
 * One setting of a provider's slice. Set by the server: read-only. Otherwise an empty input (a
 * saved secret is never sent back, only its last four characters) and, when saved, Remove.
 */
export function ProviderSettingField({
  providerId,
  field,
  value,
  error,
  removing,
  onChange,
  onRemove,
}: {
  providerId: string;
  field: SettingFieldView;
  value: string;
  error?: string;
  removing: boolean;
  onChange: (value: string) => void;
  onRemove: () => void;
}) {
  const id = `setting-${providerId}-${field.name}`;
  const label = <code className="font-mono text-[0.8rem]">{field.name}</code>;
  const remove = (field.source === "saved" || field.source === "unreadable" || field.savedButOverridden) && (
    <Button size="sm" variant="ghost" className="text-red-300" busy={removing} aria-label={`Remove ${field.name}`} onClick={onRemove}>
      Remove
    </Button>
  );

  if (field.source === "env") {
    return (
      <div className="flex flex-col gap-1.5" data-testid={id}>
        <span className="text-sm font-medium text-neutral-200">{label}</span>
        <p className="text-xs text-neutral-400">
          Set by the server{field.shown ? <>: <code className="font-mono text-neutral-300">{field.shown}</code></> : ""}. Change it in the
          server&apos;s environment.
          {field.savedButOverridden && " A value saved here is ignored while it is set there."}
        </p>
        {remove && <div>{remove}</div>}
      </div>
    );
  }

  return (
    <Field id={id} label={label} hint={hintFor(field)} error={error}>
      <div className="flex items-center gap-2" data-testid={id}>
        <Input
          id={id}
          name={field.name}
          type={field.secret ? "password" : "text"}
          autoComplete="off"
          spellCheck={false}
          value={value}
          placeholder={field.source === "saved" && field.secret ? field.shown ?? "" : field.defaultValue ?? ""}
          onChange={(e) => onChange(e.target.value)}
          {...describedBy(id, error, true)}
        />
        {remove}
      </div>
    </Field>
  );
}
