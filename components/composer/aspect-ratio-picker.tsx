"use client";
import { ratioValue } from "@/lib/jobs/snap-settings";
import { cn } from "../ui/cn";
import { FieldError } from "../ui/field";

const BOX = 18;

/** A rectangle of the ratio's shape, fitted in a square. */
function Shape({ ratio }: { ratio: string }) {
  const r = ratioValue(ratio) || 1;
  const width = r >= 1 ? BOX : Math.round(BOX * r);
  const height = r >= 1 ? Math.round(BOX / r) : BOX;
  return (
    <span aria-hidden className="flex h-5 w-5 items-center justify-center">
      <span className="rounded-[2px] border-2 border-current" style={{ width, height }} />
    </span>
  );
}

/** Aspect ratios as shape chips in the chip row: native radios, so arrow keys and forms work as usual. */
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
      className="flex min-w-0 flex-col gap-1"
    >
      {/* Named for screen readers; the shapes say it to the eye. */}
      <legend id="aspect-ratio-legend" className="sr-only">
        Aspect ratio
      </legend>
      <div className="flex flex-wrap gap-1">
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
                "flex h-11 min-w-11 items-center gap-1 rounded-full border border-neutral-700 bg-neutral-900 px-2.5 text-xs text-neutral-300",
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
