"use client";
import { useId } from "react";
import { formatCost } from "@/lib/jobs/format-job";
import { MAX_COMPARE } from "@/lib/jobs/generation-limits";
import type { ProviderGroup } from "@/lib/providers/catalog";

/** The models to tick, by provider, each with its price for this duration: loaded when Compare first opens (compare-picker). */
export interface CompareProps {
  catalog: ProviderGroup[];
  value: string[];
  onChange: (ids: string[]) => void;
  durationSeconds: number;
}

export function CompareChoices({ catalog, value, onChange, durationSeconds }: CompareProps) {
  const id = useId();
  const available = catalog.filter((g) => g.available && g.models.length > 0);
  const full = value.length >= MAX_COMPARE;
  const toggle = (model: string, on: boolean) => onChange(on ? [...value, model] : value.filter((m) => m !== model));
  return (
    <fieldset aria-describedby={`${id}-hint`} className="flex flex-col gap-2 px-3 pb-3">
      <legend className="sr-only">Models to compare</legend>
      <p id={`${id}-hint`} className="text-xs text-neutral-400">
        Pick two to four: one take of each, from the same prompt, in one row. Settings move to the nearest each model allows.
      </p>
      {available.map((group) => (
        <div key={group.id} className="flex flex-col gap-1">
          <p className="text-xs text-neutral-400">{group.label}</p>
          {group.models.map((m) => {
            const checked = value.includes(m.id);
            return (
              <label key={m.id} className="flex min-h-11 cursor-pointer items-center gap-2 text-sm text-neutral-200">
                <input
                  type="checkbox"
                  name="compare"
                  value={m.id}
                  checked={checked}
                  disabled={!checked && full}
                  onChange={(e) => toggle(m.id, e.target.checked)}
                  className="size-5 accent-violet-500"
                />
                <span className="min-w-0 flex-1">{m.label}</span>
                <span className="text-xs text-neutral-400">{formatCost(m, { durationSeconds, resolution: m.defaults.resolution })}</span>
              </label>
            );
          })}
        </div>
      ))}
    </fieldset>
  );
}
