/**
 * ModelsLab's video models as data, from /work/shared/providers/modelslab.md ("Update (Dec 2026)"
 * wins): partner models on the v7 Video Fusion routes, wan2.2 / ltx-2.3 on the v6 `*_ultra`
 * routes. The wire table says how each model wants our parameters; it is keyed by ModelsLab's
 * own id so models found by `discover()` get a sensible default.
 */
import type { ModelFamily } from "../../models/family";
import { hailuo23 } from "../../models/hailuo";
import { kling16 } from "../../models/kling-1-6";
import { kling21Master } from "../../models/kling-2-1";
import { kling25Turbo } from "../../models/kling-2-5-turbo";
import { ltx23 } from "../../models/ltx";
import { UNKNOWN_PRICE } from "../../models/price";
import { routeSpec, type Offering } from "../../models/route";
import { veo3Fast } from "../../models/veo-3";
import { veo31 } from "../../models/veo-3-1";
import { veo31Fast } from "../../models/veo-3-1-fast";
import { wan22, wan25, wan26 } from "../../models/wan";
import type { AspectRatio, ModelOptionSpec, ModelSpec } from "../types";

export interface ModelslabWire {
  api: "v7" | "v6";
  /** Our resolution → ModelsLab's spelling; null: the field is not sent (the model has one size). */
  resolution: Readonly<Record<string, string | number>> | null;
  /** Whether `aspect_ratio` is sent (image-to-video models follow the image). */
  aspectRatio: boolean;
  /** Multi-image models take `init_image` as an array. */
  imageArray: boolean;
}

/** Veo's documented extras, sent in ModelsLab's own fields. */
export const VEO_OPTIONS: readonly ModelOptionSpec[] = [
  { key: "generate_audio", label: "Generate audio", description: "Veo adds sound to the clip.", kind: "boolean", default: true },
  // [U] enhance_prompt's default is not documented; off keeps the prompt as written.
  { key: "enhance_prompt", label: "Enhance prompt", description: "ModelsLab rewrites the prompt for Veo first.", kind: "boolean", default: false },
];

const V7_T2V: ModelslabWire = { api: "v7", resolution: null, aspectRatio: true, imageArray: false };
// [U] image-to-video models are assumed to follow the image's framing, so no aspect_ratio is sent.
const V7_I2V: ModelslabWire = { api: "v7", resolution: null, aspectRatio: false, imageArray: false };
const V6_ULTRA: ModelslabWire = { api: "v6", resolution: { "480p": 480 }, aspectRatio: false, imageArray: false };

const WIRE: Readonly<Record<string, ModelslabWire>> = {
  "wan2.6-t2v": { ...V7_T2V, resolution: { "720p": "720p" } },
  "wan2.6-i2v": { ...V7_I2V, resolution: { "720p": "720p" } },
  // wan2.5 spells it without the "p" [V model page].
  "wan2.5-t2v": { ...V7_T2V, resolution: { "720p": "720" } },
  "wan2.5-i2v": { ...V7_I2V, resolution: { "720p": "720" } },
  "kling-v1-6": { ...V7_I2V, aspectRatio: true, imageArray: true },
  "wan2.2": V6_ULTRA,
  "ltx-2.3": V6_ULTRA,
};

/**
 * How to send a model: the table, else (a model only `discover()` knows) v7, with an aspect
 * ratio for text-to-video and our resolution as is when the list offered a choice [U].
 */
export function wireFor(model: Pick<ModelSpec, "providerModel" | "modes" | "resolutions">): ModelslabWire {
  const known = WIRE[model.providerModel];
  if (known) return known;
  const base = model.modes.includes("text") ? V7_T2V : V7_I2V;
  return model.resolutions.length > 1 ? { ...base, resolution: Object.fromEntries(model.resolutions.map((r) => [r, r])) } : base;
}

type Seed = Pick<ModelSpec, "label" | "description" | "modes" | "durations" | "aspectRatios" | "resolutions"> &
  Partial<Pick<ModelSpec, "fps" | "negativePrompt" | "seed" | "options" | "imageInput">> & {
    defaultDuration?: number;
    latency: number;
  };

/** A model only ModelsLab's list knows. [U] fps 24, prompts up to 2000 characters and every latency are assumptions. */
export function modelslabSpec(providerModel: string, s: Seed): ModelSpec {
  const fps = s.fps ?? [24];
  return {
    id: `modelslab:${providerModel}`,
    provider: "modelslab",
    engine: "ai",
    // v7 fetches the image from a URL only; v6 ultra also takes it inline (base64: true).
    imageInput: s.imageInput ?? "url",
    options: s.options,
    providerModel,
    label: s.label,
    description: s.description,
    modes: s.modes,
    durations: s.durations,
    aspectRatios: s.aspectRatios,
    resolutions: s.resolutions,
    fps,
    defaults: {
      durationSeconds: s.defaultDuration ?? s.durations[0]!,
      aspectRatio: s.aspectRatios[0]!,
      resolution: s.resolutions[0]!,
      fps: fps[0]!,
    },
    // [U] v7 lists negative_prompt among its body fields; which models honour it is not documented.
    negativePrompt: s.negativePrompt ?? true,
    seed: s.seed ?? false,
    maxPromptLength: 2000,
    // ModelsLab bills per request from a wallet; it publishes no per-second price.
    pricePerSecondUsd: null,
    priceReadOn: "2026-12-01",
    typicalLatencySeconds: s.latency,
  };
}

const WIDE_TALL: readonly AspectRatio[] = ["16:9", "9:16"];
// Image-to-video follows the image's framing; 16:9 is only the label the composer shows.
const FROM_IMAGE: readonly AspectRatio[] = ["16:9"];

type Narrow = NonNullable<Offering["narrow"]>;

/** A built-in offering: by URL, no published price, ModelsLab's fixed prompt limit. */
const offer = (family: ModelFamily, providerModel: string, wait: number, narrow: Narrow = {}, more: Partial<Offering> = {}): ModelSpec =>
  routeSpec("modelslab", {
    family,
    providerModel,
    narrow: { maxPromptLength: 2000, ...narrow },
    // v7 fetches the image from a URL only.
    imageInput: "url",
    // ModelsLab bills per request from a wallet; it publishes no price.
    price: UNKNOWN_PRICE,
    priceReadOn: "2026-12-01",
    typicalWaitSeconds: wait,
    ...more,
  });

// [U] Veo's output size through ModelsLab (the field is not sent); no seed field is documented.
const veo = (family: ModelFamily, id: string, durations: number[], wait: number) =>
  offer(family, id, wait, { modes: ["text"], durations, resolutions: ["720p"], seed: false }, { options: VEO_OPTIONS });

// [U] Kling's output size through ModelsLab; the field is not sent.
const kling = (family: ModelFamily, id: string, wait: number, narrow: Narrow = {}) => offer(family, id, wait, { modes: ["image"], aspectRatios: FROM_IMAGE, ...narrow });

const textOnly: Narrow = { modes: ["text"] };
const imageOnly: Narrow = { modes: ["image"], aspectRatios: FROM_IMAGE };

/**
 * Built-in models. [U] sora-2 is left out: its upstream closed on 2026-09-24, so it appears only
 * if `discover()` still lists it. [U] Every wait is an assumption.
 */
export const modelslabModels: readonly ModelSpec[] = [
  veo(veo31, "veo-3.1", [4, 6, 8], 120),
  veo(veo31Fast, "veo-3.1-fast", [4, 6, 8], 60),
  veo(veo3Fast, "veo-3.0-fast-generate", [8], 60),
  offer(wan26, "wan2.6-t2v", 150, textOnly),
  offer(wan26, "wan2.6-i2v", 150, imageOnly),
  offer(wan25, "wan2.5-t2v", 120, textOnly),
  offer(wan25, "wan2.5-i2v", 120, imageOnly),
  kling(kling21Master, "kling-v2-1-master-i2v", 240),
  kling(kling25Turbo, "Kling-V2-5-Turbo-i2v", 120),
  kling(kling16, "kling-v1-6", 240, { aspectRatios: kling16.aspectRatios }),
  // [U] Hailuo's output size through ModelsLab; the field is not sent.
  offer(hailuo23, "Hailuo-2.3-i2v", 150),
  // Not on the v7 model list (they are v6 routes), so the list never hides them; v6 also takes the image inline (base64: true).
  // [U] 81 frames at 16 fps ≈ 5 s (the notes' arithmetic, not a documented duration).
  offer(wan22, "wan2.2", 180, { durations: [5], aspectRatios: WIDE_TALL, resolutions: ["480p"] }, { listed: false, imageInput: "inline", label: "Wan 2.2 Ultra (Alibaba)" }),
  offer(ltx23, "ltx-2.3", 180, {}, { listed: false, imageInput: "inline", label: "LTX 2.3 Ultra (Lightricks)" }),
];

export function findModelslabModel(id: string): ModelSpec | undefined {
  return modelslabModels.find((m) => m.id === id);
}
