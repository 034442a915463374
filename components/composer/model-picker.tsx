"use client";
import type { ModelOption, ProviderGroup } from "@/lib/providers/catalog";
import { ChipSelect } from "./chip-select";
import { optionText } from "./format";

/**
 * The Model chip: a native select grouped by provider (a provider without its key shows its
 * models disabled, with how to enable them). Its hint, the chosen model in one line, is rendered
 * by ModelHint below the chip row; the cards to compare them are ModelCards.
 */
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
  return (
    <ChipSelect id="model" label="Model" value={model.id} onChange={onChange} error={error} hint>
      {catalog.map((group) => (
        <optgroup key={group.id} label={group.available ? group.label : `${group.label} (not set up: ${group.hint})`} className="bg-neutral-900">
          {group.models.map((m) => (
            <option key={m.id} value={m.id} disabled={!group.available}>
              {optionText(m)}
            </option>
          ))}
        </optgroup>
      ))}
    </ChipSelect>
  );
}
