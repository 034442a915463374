"use client";
import type { ModelOptionSpec, ModelOptionValues } from "@/lib/providers/types";
import { describedBy, Field, FieldError, Select } from "../ui/field";

const fieldName = (key: string) => `options.${key}`;
const controlId = (key: string) => `option-${key}`;

function BooleanOption({ option, value, onChange, error }: { option: ModelOptionSpec; value: boolean; onChange: (v: boolean) => void; error?: string }) {
  const id = controlId(option.key);
  const hint = `${option.description ? `${option.description} ` : ""}Default: ${option.default ? "on" : "off"}.`;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="flex items-center gap-2 text-sm font-medium text-neutral-200">
        <input
          id={id}
          type="checkbox"
          checked={value}
          onChange={(e) => onChange(e.target.checked)}
          className="size-4 accent-violet-500"
          {...describedBy(id, error, true)}
        />
        {option.label}
      </label>
      {/* Sent either way, so unchecking a default-on option is not read as "use the default". */}
      <input type="hidden" name={fieldName(option.key)} value={String(value)} />
      {!error && (
        <p id={`${id}-hint`} className="pl-6 text-xs text-neutral-400">
          {hint}
        </p>
      )}
      <FieldError id={id} error={error} />
    </div>
  );
}

function ChoiceOption({ option, value, onChange, error }: { option: ModelOptionSpec & { kind: "choice" }; value: string; onChange: (v: string) => void; error?: string }) {
  const id = controlId(option.key);
  return (
    <Field id={id} label={option.label} hint={option.description} error={error} className="min-w-0">
      <Select id={id} name={fieldName(option.key)} value={value} onChange={(e) => onChange(e.target.value)} {...describedBy(id, error, Boolean(option.description))}>
        {option.choices.map((c) => (
          <option key={c} value={c}>
            {c === option.default ? `${c} (default)` : c}
          </option>
        ))}
      </Select>
    </Field>
  );
}

/** The chosen model's own options (a switch or a list each), shown only for models that have them. */
export function ModelOptions({
  options,
  values,
  onChange,
  errors,
}: {
  options: readonly ModelOptionSpec[] | undefined;
  values: ModelOptionValues;
  onChange: (key: string, value: string | boolean) => void;
  errors: Record<string, string>;
}) {
  if (!options?.length) return null;
  return (
    <fieldset className="flex flex-col gap-3">
      <legend className="mb-2 text-sm font-medium text-neutral-200">Model options</legend>
      {options.map((o) =>
        o.kind === "boolean" ? (
          <BooleanOption key={o.key} option={o} value={values[o.key] === true} onChange={(v) => onChange(o.key, v)} error={errors[fieldName(o.key)]} />
        ) : (
          <ChoiceOption key={o.key} option={o} value={String(values[o.key] ?? o.default)} onChange={(v) => onChange(o.key, v)} error={errors[fieldName(o.key)]} />
        ),
      )}
      <FieldError id="options" error={errors.options} />
    </fieldset>
  );
}
