/** GET /api/models as a zod schema, for the OpenAPI document; the check below fails to compile when modelsJson() no longer fits it. */
import { z } from "zod";
import { ASPECT_RATIOS } from "./types";
import type { modelsJson } from "./models-json";

const option = z.union([
  z.object({ key: z.string(), label: z.string(), description: z.string().optional(), kind: z.literal("boolean"), default: z.boolean() }),
  z.object({ key: z.string(), label: z.string(), description: z.string().optional(), kind: z.literal("choice"), choices: z.array(z.string()).readonly(), default: z.string() }),
]);

/** A route's price rule (lib/models/price.ts). */
const priceRule = z.union([
  z.object({
    kind: z.literal("per_second"),
    usd: z.number(),
    byResolution: z.record(z.string(), z.number()).readonly().optional(),
    withoutAudioUsd: z.number().optional(),
    minSeconds: z.number().optional(),
  }),
  z.object({ kind: z.literal("per_request"), usd: z.number() }),
  z.object({ kind: z.literal("unknown") }),
]);

export const modelJsonSchema = z.object({
  id: z.string(),
  label: z.string(),
  description: z.string(),
  family: z.string().describe("The model family this is a route of: routes with one family are the same model from different providers"),
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
  price: priceRule,
  defaultEstimateUsd: z.number().nullable().describe("What a video at the default settings costs (USD); null when the price is unknown"),
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

// Both ways: what modelsJson() returns fits the schema, and the schema names nothing it does not return.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Model = ReturnType<typeof modelsJson>["models"][number];
const fits: z.infer<typeof modelsListSchema> = null as unknown as ReturnType<typeof modelsJson>;
const sameKeys: Same<keyof z.infer<typeof modelJsonSchema>, keyof Model> = true;
void fits;
void sameKeys;
