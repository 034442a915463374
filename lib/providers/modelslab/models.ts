/**
 * ModelsLab's video models as data, from /work/shared/providers/modelslab.md ("Update (Dec 2026)"
 * wins): partner models on the v7 Video Fusion routes, wan2.2 / ltx-2.3 on the v6 `*_ultra`
 * routes. The wire table says how each model wants our parameters; it is keyed by ModelsLab's
 * own id so models found by `discover()` get a sensible default.
 */
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

/** Fills the common parts. [U] fps 24, prompts up to 2000 characters and every latency are assumptions. */
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
// [U] the aspect ratios of the Wan text-to-video models are not on their pages.
const WAN_ASPECTS: readonly AspectRatio[] = ["16:9", "9:16", "1:1"];
// Image-to-video follows the image's framing; 16:9 is only the label the composer shows.
const FROM_IMAGE: readonly AspectRatio[] = ["16:9"];

const veo = (id: string, label: string, pitch: string, durations: number[], latency: number) =>
  modelslabSpec(id, {
    label,
    description: pitch,
    modes: ["text"],
    durations,
    defaultDuration: 8,
    aspectRatios: WIDE_TALL,
    // [U] Veo's output size through ModelsLab; the field is not sent.
    resolutions: ["720p"],
    options: VEO_OPTIONS,
    latency,
  });

const kling = (id: string, label: string, pitch: string, latency: number, extra: Partial<Seed> = {}) =>
  modelslabSpec(id, {
    label,
    description: pitch,
    modes: ["image"],
    durations: [5, 10],
    aspectRatios: FROM_IMAGE,
    // [U] Kling's output size through ModelsLab; the field is not sent.
    resolutions: ["1080p"],
    latency,
    ...extra,
  });

/** Built-in models. [U] sora-2 is left out: its upstream closed on 2026-09-24, so it appears only if `discover()` still lists it. */
export const modelslabModels: readonly ModelSpec[] = [
  veo("veo-3.1", "Veo 3.1 (ModelsLab)", "Google's Veo 3.1 through ModelsLab: cinematic text-to-video with sound.", [4, 6, 8], 120),
  veo("veo-3.1-fast", "Veo 3.1 Fast (ModelsLab)", "The faster, cheaper Veo 3.1 through ModelsLab, with sound.", [4, 6, 8], 60),
  veo("veo-3.0-fast-generate", "Veo 3 Fast (ModelsLab)", "Google's Veo 3 Fast through ModelsLab: 8 s clips with sound.", [8], 60),
  modelslabSpec("wan2.6-t2v", {
    label: "Wan 2.6 (ModelsLab)",
    description: "Alibaba's Wan 2.6 text-to-video at 720p through ModelsLab.",
    modes: ["text"],
    durations: [5, 10],
    aspectRatios: WAN_ASPECTS,
    resolutions: ["720p"],
    latency: 150,
  }),
  modelslabSpec("wan2.6-i2v", {
    label: "Wan 2.6 image-to-video (ModelsLab)",
    description: "Animates a still with Alibaba's Wan 2.6 at 720p through ModelsLab.",
    modes: ["image"],
    durations: [5, 10],
    aspectRatios: FROM_IMAGE,
    resolutions: ["720p"],
    latency: 150,
  }),
  modelslabSpec("wan2.5-t2v", {
    label: "Wan 2.5 (ModelsLab)",
    description: "Alibaba's Wan 2.5 text-to-video: 5 s at 720p through ModelsLab.",
    modes: ["text"],
    durations: [5],
    aspectRatios: WAN_ASPECTS,
    resolutions: ["720p"],
    latency: 120,
  }),
  modelslabSpec("wan2.5-i2v", {
    label: "Wan 2.5 image-to-video (ModelsLab)",
    description: "Animates a still with Alibaba's Wan 2.5: 5 s at 720p through ModelsLab.",
    modes: ["image"],
    durations: [5],
    aspectRatios: FROM_IMAGE,
    resolutions: ["720p"],
    latency: 120,
  }),
  kling("kling-v2-1-master-i2v", "Kling 2.1 Master (ModelsLab)", "Kuaishou's top Kling 2.1 model animates a still through ModelsLab.", 240),
  kling("Kling-V2-5-Turbo-i2v", "Kling 2.5 Turbo (ModelsLab)", "The quick Kling 2.5 Turbo animates a still through ModelsLab.", 120),
  kling("kling-v1-6", "Kling 1.6 (ModelsLab)", "Kling 1.6 animates a still through ModelsLab, framed 16:9, 9:16 or 1:1.", 240, {
    aspectRatios: ["16:9", "9:16", "1:1"],
    resolutions: ["720p"],
  }),
  modelslabSpec("Hailuo-2.3-i2v", {
    label: "Hailuo 2.3 (ModelsLab)",
    description: "MiniMax's Hailuo 2.3 animates a still through ModelsLab.",
    modes: ["image"],
    durations: [6, 10],
    aspectRatios: FROM_IMAGE,
    // [U] Hailuo's output size through ModelsLab; the field is not sent.
    resolutions: ["768p"],
    negativePrompt: false,
    latency: 150,
  }),
  // Not on the v7 model list (they are v6 routes), so the list never hides them.
  ...(["wan2.2", "ltx-2.3"] as const).map((id) => ({
    listed: false,
    ...modelslabSpec(id, {
      label: id === "wan2.2" ? "Wan 2.2 Ultra (ModelsLab)" : "LTX 2.3 Ultra (ModelsLab)",
      description: `${id === "wan2.2" ? "Wan 2.2" : "LTX 2.3"} on ModelsLab's own servers (v6 Ultra): text or image, 480p, about 5 s.`,
      modes: ["text", "image"],
      // [U] 81 frames at 16 fps ≈ 5 s (the notes' arithmetic, not a documented duration).
      durations: [5],
      aspectRatios: WIDE_TALL,
      resolutions: ["480p"],
      fps: [16],
      seed: true,
      imageInput: "inline",
      latency: 180,
    }),
  })),
];

export function findModelslabModel(id: string): ModelSpec | undefined {
  return modelslabModels.find((m) => m.id === id);
}
