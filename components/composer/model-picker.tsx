"use client";
import type { ModelOption, ProviderGroup } from "@/lib/providers/catalog";
import { Select, describedBy } from "../ui/field";
import { formatModes, formatPricePerSecond, formatWait, optionText } from "./format";

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
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor="model" className="text-sm font-medium text-neutral-200">
        Model
      </label>
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
      {error ? (
        <p id="model-error" role="alert" className="text-xs text-red-400">
          {error}
        </p>
      ) : (
        <div id="model-hint" className="flex flex-col gap-1 text-xs text-neutral-400">
          <p className="text-neutral-300">{model.description}</p>
          <p>
            {model.isLocal ? "Not an AI model" : formatModes(model.modes)} · {formatPricePerSecond(model)} · usually ready in about{" "}
            {formatWait(model.typicalLatencySeconds)}
            {!model.isLocal && model.pricePerSecondUsd !== null && <> · price read on {model.priceReadOn}</>}
          </p>
        </div>
      )}
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
