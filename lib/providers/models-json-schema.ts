/** GET /api/models as a zod schema, for the OpenAPI document; the check below fails to compile when modelsJson() no longer fits it. */
import { z } from "zod";
import { ASPECT_RATIOS } from "./types";
import type { modelsJson } from "./models-json";

const option = z.union([
  z.object({ key: z.string(), label: z.string(), description: z.string().optional(), kind: z.literal("boolean"), default: z.boolean() }),
  z.object({ key: z.string(), label: z.string(), description: z.string().optional(), kind: z.literal("choice"), choices: z.array(z.string()).readonly(), default: z.string() }),
]);

export const modelJsonSchema = z.object({
  id: z.string(),
  label: z.string(),
  description: z.string(),
  provider: z.string(),
  providerLabel: z.string(),
  engine: z.enum(["ai", "preview"]),
  modes: z.array(z.enum(["text", "image"])).readonly(),
  durations: z.array(z.number()).readonly(),
  aspectRatios: z.array(z.enum(ASPECT_RATIOS)).readonly(),
  resolutions: z.array(z.string()).readonly(),
  fps: z.array(z.number()).readonly(),
  defaults: z.object({ durationSeconds: z.number(), aspectRatio: z.enum(ASPECT_RATIOS), resolution: z.string(), fps: z.number() }),
  negativePrompt: z.boolean(),
  seed: z.boolean(),
  maxPromptLength: z.number().int(),
  options: z.array(option).readonly(),
  pricePerSecondUsd: z.number().nullable(),
  priceReadOn: z.string().nullable(),
  typicalLatencySeconds: z.number(),
  available: z.boolean(),
  unavailableReason: z.string().nullable().describe("Why a job for this model would be refused now"),
  imageUnavailable: z.string().nullable().describe("Why image-to-video is off for it here"),
});

export const modelsListSchema = z.object({
  providers: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      available: z.boolean(),
      hint: z.string().nullable(),
      catalog: z.object({ fetchedAt: z.string().nullable(), lastError: z.string().nullable(), lastErrorAt: z.string().nullable() }).nullable(),
    }),
  ),
  models: z.array(modelJsonSchema),
});

const fits: z.infer<typeof modelsListSchema> = null as unknown as ReturnType<typeof modelsJson>;
void fits;
