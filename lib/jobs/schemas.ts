/** The request schema for a model, built from its ModelSpec: one source of truth with the pickers. */
import { z } from "zod";
import type { AspectRatio, ModelSpec } from "../providers/types";
import { optionsSchemaFor } from "./option-schema";
import { hasVisibleText } from "./visible-text";

export const MAX_SEED = 2_147_483_647;

function listOf(values: readonly (string | number)[], unit = ""): string {
  const items = values.map((v) => `${v}${unit}`);
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} or ${items.at(-1)}`;
}

/** Treats "" from a form as absent. */
const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

/**
 * Types are strict: numbers must be numbers (a JSON number, or a form field of decimal digits that
 * readJobForm has already turned into one), so `[2]`, `"0x2"` and `true` are refused, not coerced.
 */
export function requestSchemaFor(spec: ModelSpec) {
  const name = spec.label;
  return z.object({
    model: z.literal(spec.id),
    prompt: z
      .string({ error: (issue) => (issue.input === undefined ? "Write a prompt." : "The prompt must be text.") })
      .trim()
      .min(1, "Write a prompt.")
      .max(spec.maxPromptLength, `The prompt is too long: ${name} takes at most ${spec.maxPromptLength} characters.`)
      .refine(hasVisibleText, "Write a prompt with visible words: this one is only blank or invisible characters."),
    negativePrompt: z.preprocess(
      blankToUndefined,
      spec.negativePrompt
        ? z.string({ error: "The negative prompt must be text." }).trim().max(spec.maxPromptLength, `The negative prompt is too long (at most ${spec.maxPromptLength} characters).`).optional()
        : z.undefined({ error: `${name} does not take a negative prompt.` }),
    ),
    aspectRatio: z.preprocess(
      (v) => blankToUndefined(v) ?? spec.defaults.aspectRatio,
      z.enum(spec.aspectRatios as [AspectRatio, ...AspectRatio[]], {
        error: `${name} supports the aspect ratios ${listOf(spec.aspectRatios)}.`,
      }),
    ),
    durationSeconds: z.preprocess(
      (v) => blankToUndefined(v) ?? spec.defaults.durationSeconds,
      z
        .number({ error: `Duration must be a number of seconds: ${listOf(spec.durations)}.` })
        .refine((d) => spec.durations.includes(d), { error: `${name} makes videos of ${listOf(spec.durations, " s")}.` }),
    ),
    resolution: z.preprocess(
      (v) => blankToUndefined(v) ?? spec.defaults.resolution,
      z
        .string({ error: `${name} supports the resolutions ${listOf(spec.resolutions)}.` })
        .refine((r) => spec.resolutions.includes(r), { error: `${name} supports the resolutions ${listOf(spec.resolutions)}.` }),
    ),
    fps: z.preprocess(
      (v) => blankToUndefined(v) ?? spec.defaults.fps,
      z
        .number({ error: `The frame rate must be a number: ${listOf(spec.fps, " fps")}.` })
        .refine((f) => spec.fps.includes(f), { error: `${name} renders at ${listOf(spec.fps, " fps")}.` }),
    ),
    seed: z.preprocess(
      blankToUndefined,
      spec.seed
        ? z
            .number({ error: "The seed must be a whole number." })
            .int("The seed must be a whole number.")
            .min(0, `The seed must be between 0 and ${MAX_SEED}.`)
            .max(MAX_SEED, `The seed must be between 0 and ${MAX_SEED}.`)
            .optional()
        : z.undefined({ error: `${name} does not take a seed.` }),
    ),
    options: optionsSchemaFor(spec),
  });
}

export type JobRequest = z.infer<ReturnType<typeof requestSchemaFor>>;

/** zod issues -> { field: first sentence } for forms and the API; an option's field is `options.<key>`. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const [first, second] = issue.path;
    const key = first === "options" && second !== undefined ? `options.${String(second)}` : String(first ?? "form");
    out[key] ??= issue.message;
  }
  return out;
}
