"use client";
import { TAKE_CHOICES } from "@/lib/jobs/generation-limits";
import { cn } from "../ui/cn";

/** Takes 1 · 2 · 4 as chips: native radios named `takes`, so the form carries the choice. */
export function TakesPicker({ value, onChange, disabled }: { value: number; onChange: (n: number) => void; disabled?: boolean }) {
  return (
    <fieldset role="radiogroup" aria-labelledby="takes-legend" disabled={disabled} className="flex min-w-0 items-center gap-2 disabled:opacity-50">
      <legend id="takes-legend" className="float-left mr-1 text-sm font-medium text-neutral-200">
        Takes
      </legend>
      {TAKE_CHOICES.map((n) => (
        <label key={n} className="relative block">
          <input
            type="radio"
            name="takes"
            value={n}
            checked={value === n}
            onChange={() => onChange(n)}
            aria-label={`${n} ${n === 1 ? "take" : "takes"}`}
            className="peer absolute inset-0 z-10 h-full w-full cursor-pointer appearance-none opacity-0"
          />
          <span
            className={cn(
              "flex h-11 min-w-11 items-center justify-center rounded-full border border-neutral-700 bg-neutral-900 px-3 text-sm text-neutral-300",
              "hover:border-neutral-500 peer-checked:border-violet-400 peer-checked:bg-violet-500/15 peer-checked:text-violet-200",
              "peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-violet-400",
            )}
          >
            {n}
          </span>
        </label>
      ))}
    </fieldset>
  );
}
