"use client";
import { ratioValue } from "@/lib/jobs/snap-settings";
import { cn } from "../ui/cn";
import { FieldError } from "../ui/field";

const BOX = 26;

/** A rectangle of the ratio's shape, fitted in a square. */
function Shape({ ratio }: { ratio: string }) {
  const r = ratioValue(ratio) || 1;
  const width = r >= 1 ? BOX : Math.round(BOX * r);
  const height = r >= 1 ? Math.round(BOX / r) : BOX;
  return (
    <span aria-hidden className="flex h-7 w-7 items-center justify-center">
      <span className="rounded-[3px] border-2 border-current" style={{ width, height }} />
    </span>
  );
}

/** Aspect ratios as shape buttons: native radios, so arrow keys and forms work as usual. */
export function AspectRatioPicker({
  ratios,
  value,
  onChange,
  error,
}: {
  ratios: readonly string[];
  value: string;
  onChange: (ratio: string) => void;
  error?: string;
}) {
  return (
    <fieldset
      role="radiogroup"
      aria-labelledby="aspect-ratio-legend"
      aria-describedby={error ? "aspectRatio-error" : undefined}
      className="flex min-w-0 flex-col gap-1.5"
    >
      <legend id="aspect-ratio-legend" className="mb-1.5 text-sm font-medium text-neutral-200">
        Aspect ratio
      </legend>
      <div className="flex flex-wrap gap-2">
        {ratios.map((ratio) => (
          <label key={ratio} className="relative block">
            <input
              type="radio"
              name="aspectRatio"
              value={ratio}
              checked={value === ratio}
              onChange={() => onChange(ratio)}
              // Transparent over the whole button, so a click or tap lands on the radio itself.
              className="peer absolute inset-0 z-10 h-full w-full cursor-pointer appearance-none opacity-0"
            />
            <span
              className={cn(
                "flex w-14 flex-col sm:w-16 items-center gap-1 rounded-md border border-neutral-700 bg-neutral-900 px-2 py-1.5 text-xs text-neutral-300",
                "hover:border-neutral-500 peer-checked:border-violet-400 peer-checked:bg-violet-500/15 peer-checked:text-violet-200",
                "peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-violet-400",
              )}
            >
              <Shape ratio={ratio} />
              {ratio}
            </span>
          </label>
        ))}
      </div>
      <FieldError id="aspectRatio" error={error} />
    </fieldset>
  );
}
