"use client";
import type { ModelOption } from "@/lib/providers/catalog";
import { describedBy, Field, Select, Textarea, TextField } from "../ui/field";
import { cn } from "../ui/cn";
import { chipClass } from "./chip";

/**
 * The "⋯" chip: what most takes leave alone (frame rate, seed, negative prompt), folded away so
 * the chip row stays one row. Open, it takes the row's full width. Open from the start when a
 * remix brings values for them; a failed submit opens it when the field to fix is inside (composer.tsx).
 */
export function MoreSettings({
  model,
  startOpen,
  fps,
  onFps,
  negativePrompt,
  onNegativePrompt,
  seed,
  onSeed,
  errors,
}: {
  model: ModelOption;
  startOpen: boolean;
  fps: string;
  onFps: (v: string) => void;
  negativePrompt: string;
  onNegativePrompt: (v: string) => void;
  seed: string;
  onSeed: (v: string) => void;
  errors: Record<string, string>;
}) {
  const hasFps = model.fps.length > 1;
  if (!model.negativePrompt && !model.seed && !hasFps) return null;
  const what = [model.seed && "seed", model.negativePrompt && "negative prompt", hasFps && "frame rate"].filter(Boolean).join(", ");
  return (
    <details open={startOpen || undefined} className="group min-w-0 open:basis-full">
      <summary className={cn(chipClass, "w-fit cursor-pointer list-none focus-visible:outline-2 focus-visible:outline-violet-400 [&::-webkit-details-marker]:hidden")}>
        <span aria-hidden>⋯</span> More settings
        <span className="sr-only">: {what}</span>
      </summary>
      <div className="mt-2 flex flex-wrap gap-3 rounded-lg border border-neutral-800 p-3">
        {hasFps && (
          <Field id="fps" label="Frame rate" error={errors.fps} className="w-32">
            <Select id="fps" name="fps" value={fps} onChange={(e) => onFps(e.target.value)} {...describedBy("fps", errors.fps)}>
              {model.fps.map((f) => (
                <option key={f} value={String(f)}>
                  {f} fps
                </option>
              ))}
            </Select>
          </Field>
        )}
        {model.negativePrompt && (
          <Field id="negativePrompt" label="Negative prompt" error={errors.negativePrompt} className="min-w-0 flex-1 basis-64">
            <Textarea
              id="negativePrompt"
              name="negativePrompt"
              rows={2}
              value={negativePrompt}
              onChange={(e) => onNegativePrompt(e.target.value)}
              placeholder="What to keep out: blur, text, watermarks…"
              {...describedBy("negativePrompt", errors.negativePrompt)}
            />
          </Field>
        )}
        {model.seed && (
          <TextField
            id="seed"
            label="Seed"
            hint="The same seed and settings give a similar take."
            error={errors.seed}
            className="w-44"
            name="seed"
            inputMode="numeric"
            autoComplete="off"
            value={seed}
            onChange={(e) => onSeed(e.target.value)}
            placeholder="Random"
          />
        )}
      </div>
    </details>
  );
}
