import "server-only";
import type { Db } from "../db/client";
import { ensureModelKnown } from "../providers/catalog-refresh";
import { getModel } from "../providers/registry";
import { snapSettings } from "./snap-settings";

/**
 * The composer's fields as one compared model takes them: the same prompt, the settings moved to
 * the nearest value this model allows (a compare should not fail because one model lacks 7 s),
 * and only the extras it supports. Typed options belong to the composer's own model and are dropped for others.
 */
export async function generationFields(db: Db, fields: Record<string, unknown>, model: string): Promise<Record<string, unknown>> {
  await ensureModelKnown(db, model);
  const spec = getModel(model);
  // An unknown model is reported by checkJobRequest, with its sentence.
  if (!spec) return { ...fields, model };
  const snapped = snapSettings(
    {
      aspectRatio: typeof fields.aspectRatio === "string" ? fields.aspectRatio : undefined,
      durationSeconds: typeof fields.durationSeconds === "number" ? fields.durationSeconds : undefined,
      resolution: typeof fields.resolution === "string" ? fields.resolution : undefined,
      fps: typeof fields.fps === "number" ? fields.fps : undefined,
    },
    spec,
  );
  const out: Record<string, unknown> = { model, prompt: fields.prompt, ...snapped };
  if (spec.negativePrompt && fields.negativePrompt !== undefined) out.negativePrompt = fields.negativePrompt;
  if (spec.seed && fields.seed !== undefined) out.seed = fields.seed;
  if (fields.model === model && fields.options !== undefined) out.options = fields.options;
  return out;
}
