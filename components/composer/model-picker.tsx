"use client";
import { formatSeconds } from "@/lib/jobs/format-job";
import type { ModelOption, ProviderGroup } from "@/lib/providers/catalog";
import { Field, Select, describedBy } from "../ui/field";
import { formatModes, formatPricePerSecond, optionText } from "./format";

/** The model list grouped by provider; a provider without its key shows its models disabled, with how to enable them. */
export function ModelPicker({
  catalog,
  model,
  onChange,
  error,
}: {
  catalog: ProviderGroup[];
  model: ModelOption;
  onChange: (id: string) => void;
  error?: string;
}) {
  const unavailable = catalog.filter((g) => !g.available);
  const hint = (
    <>
      <p className="text-neutral-300">{model.description}</p>
      <p className="mt-1">
        {model.engine === "preview" ? "Not an AI model" : formatModes(model.modes)}
        {model.imageUnavailable && <> (image mode {model.imageUnavailable})</>} · {formatPricePerSecond(model)} · usually ready in about{" "}
        {formatSeconds(model.typicalLatencySeconds)}
        {model.engine !== "preview" && model.pricePerSecondUsd !== null && <> · price read on {model.priceReadOn}</>}
      </p>
    </>
  );
  return (
    <div className="flex flex-col gap-1.5">
      <Field id="model" label="Model" hint={hint} error={error}>
        <Select id="model" name="model" value={model.id} onChange={(e) => onChange(e.target.value)} {...describedBy("model", error, true)}>
          {catalog.map((group) => (
            <optgroup key={group.id} label={group.available ? group.label : `${group.label} (not set up: ${group.hint})`}>
              {group.models.map((m) => (
                <option key={m.id} value={m.id} disabled={!group.available}>
                  {optionText(m)}
                </option>
              ))}
            </optgroup>
          ))}
        </Select>
      </Field>
      {unavailable.length > 0 && (
        <ul aria-label="Providers not set up" className="flex flex-col gap-0.5 text-xs text-neutral-500">
          {unavailable.map((g) => (
            <li key={g.id}>
              {g.label}: {g.hint}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
