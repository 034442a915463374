"use client";
import type { ModelOption } from "@/lib/providers/catalog";
import { describedBy, Field, Textarea, TextField } from "../ui/field";

/**
 * "⋯ More settings": what most takes leave alone (negative prompt, seed), folded away so the
 * composer stays short. Open from the start when a remix brings values for them; a failed submit
 * opens it when the field to fix is inside (composer.tsx).
 */
export function MoreSettings({
  model,
  startOpen,
  negativePrompt,
  onNegativePrompt,
  seed,
  onSeed,
  errors,
}: {
  model: ModelOption;
  startOpen: boolean;
  negativePrompt: string;
  onNegativePrompt: (v: string) => void;
  seed: string;
  onSeed: (v: string) => void;
  errors: Record<string, string>;
}) {
  if (!model.negativePrompt && !model.seed) return null;
  const what = [model.seed && "seed", model.negativePrompt && "negative prompt"].filter(Boolean).join(", ");
  return (
    <details open={startOpen || undefined} className="rounded-lg border border-neutral-800">
      <summary className="flex h-11 cursor-pointer items-center gap-2 rounded-lg px-3 text-sm text-neutral-200 hover:bg-neutral-900 focus-visible:outline-2 focus-visible:outline-violet-400">
        <span aria-hidden>⋯</span> More settings
        <span className="text-xs text-neutral-400">{what}</span>
      </summary>
      <div className="flex flex-wrap gap-3 px-3 pb-3">
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
