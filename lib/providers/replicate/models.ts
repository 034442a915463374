/**
 * Replicate's video models as data. Enums follow /work/shared/providers/replicate.md;
 * where a model allows a value only in some combinations we list the set that is
 * valid in every combination, so the composer never offers a request Replicate refuses.
 * Prices are USD per second of output at the default resolution, read from
 * replicate.com/pricing and each model page.
 */
import type { AspectRatio, ModelSpec } from "../types";

/** An input field, with a translation table when Replicate spells our value differently. */
export interface ReplicateField {
  field: string;
  values?: Readonly<Record<string, string | number>>;
}

export type ReplicateDuration =
  | { kind: "seconds"; field: string }
  /** Models that count frames: each offered duration maps to one of the model's allowed lengths. */
  | { kind: "frames"; field: string; framesBySeconds: Readonly<Record<number, number>> };

/** Where each of our job parameters goes in the model's `input`; null means the model has no such input. */
export interface ReplicateInputMap {
  prompt: string;
  /** Start frame for image-to-video. */
  image: string | null;
  negativePrompt: string | null;
  seed: string | null;
  /** null: the output follows the start image (or the model's fixed framing). */
  aspectRatio: string | null;
  resolution: ReplicateField | null;
  duration: ReplicateDuration;
  fps: string | null;
}

export interface ReplicateModelSpec extends ModelSpec {
  provider: "replicate";
  input: ReplicateInputMap;
}

const PRICE_READ_ON = "2026-11-21";
const ALL_ASPECTS: readonly AspectRatio[] = ["16:9", "9:16", "1:1", "4:3", "3:4", "21:9", "9:21"];

const veoInput: ReplicateInputMap = {
  prompt: "prompt",
  image: "image",
  negativePrompt: "negative_prompt",
  seed: "seed",
  aspectRatio: "aspect_ratio",
  resolution: { field: "resolution" },
  duration: { kind: "seconds", field: "duration" },
  fps: null,
};

const seedanceInput: ReplicateInputMap = {
  prompt: "prompt",
  image: "image",
  negativePrompt: null,
  seed: "seed",
  aspectRatio: "aspect_ratio",
  resolution: { field: "resolution" },
  duration: { kind: "seconds", field: "duration" },
  fps: "fps",
};

const SEEDANCE_DURATIONS = [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;

const wanInput = (image: string | null): ReplicateInputMap => ({
  prompt: "prompt",
  image,
  negativePrompt: null,
  seed: "seed",
  aspectRatio: "aspect_ratio",
  resolution: { field: "resolution" },
  // 81 frames at 16 fps is the model's native ~5 s clip.
  duration: { kind: "frames", field: "num_frames", framesBySeconds: { 5: 81 } },
  fps: "frames_per_second",
});

/** Veo 3.1 and Veo 3.1 Fast take the same inputs; they differ in quality, price and wait. */
function veo31(slug: string, label: string, pitch: string, pricePerSecondUsd: number, typicalLatencySeconds: number): ReplicateModelSpec {
  return {
    id: `replicate:${slug}`,
    provider: "replicate",
    engine: "ai",
    providerModel: slug,
    label,
    description: `${pitch} Text or a start image; 16:9 or 9:16, up to 8 s at 1080p. Price includes audio.`,
    modes: ["text", "image"],
    durations: [4, 6, 8],
    aspectRatios: ["16:9", "9:16"],
    resolutions: ["720p", "1080p"],
    fps: [24],
    defaults: { durationSeconds: 8, aspectRatio: "16:9", resolution: "1080p", fps: 24 },
    negativePrompt: true,
    seed: true,
    maxPromptLength: 2000,
    pricePerSecondUsd,
    priceReadOn: PRICE_READ_ON,
    typicalLatencySeconds,
    input: veoInput,
  };
}

/** Wan 2.2 Fast comes as two Replicate models, text-to-video and image-to-video, alike otherwise. */
function wan22Fast(mode: "text" | "image"): ReplicateModelSpec {
  const slug = mode === "text" ? "wan-video/wan-2.2-t2v-fast" : "wan-video/wan-2.2-i2v-fast";
  return {
    id: `replicate:${slug}`,
    provider: "replicate",
    engine: "ai",
    providerModel: slug,
    label: `Wan 2.2 Fast, ${mode} to video (Alibaba)`,
    description:
      mode === "text"
        ? "Open model, quick and cheap: about 5 s at 16 fps from a prompt."
        : "Open model, quick and cheap: animates a start image (required) for about 5 s at 16 fps.",
    modes: [mode],
    durations: [5],
    aspectRatios: ["16:9", "9:16"],
    resolutions: ["480p", "720p"],
    fps: [16],
    defaults: { durationSeconds: 5, aspectRatio: "16:9", resolution: "720p", fps: 16 },
    negativePrompt: false,
    seed: true,
    maxPromptLength: 2000,
    pricePerSecondUsd: 0.02,
    priceReadOn: PRICE_READ_ON,
    typicalLatencySeconds: 40,
    input: wanInput(mode === "text" ? null : "image"),
  };
}

export const replicateModels: readonly ReplicateModelSpec[] = [
  veo31("google/veo-3.1-fast", "Veo 3.1 Fast (Google)", "Google's quicker Veo with sound.", 0.15, 60),
  veo31("google/veo-3.1", "Veo 3.1 (Google)", "Google's highest-quality Veo with sound.", 0.4, 120),
  {
    id: "replicate:kwaivgi/kling-v2.1",
    provider: "replicate",
    engine: "ai",
    providerModel: "kwaivgi/kling-v2.1",
    label: "Kling 2.1 (Kuaishou)",
    description:
      "Animates a start image (required); the video keeps the image's framing. 720p is Kling's standard mode, 1080p its pro mode (about $0.09/s).",
    modes: ["image"],
    durations: [5, 10],
    // Kling takes its framing from the start image; these are the shapes people usually bring.
    aspectRatios: ["16:9", "9:16", "1:1"],
    resolutions: ["720p", "1080p"],
    fps: [24],
    defaults: { durationSeconds: 5, aspectRatio: "16:9", resolution: "720p", fps: 24 },
    negativePrompt: true,
    seed: false,
    maxPromptLength: 2000,
    pricePerSecondUsd: 0.05,
    priceReadOn: PRICE_READ_ON,
    typicalLatencySeconds: 240,
    input: {
      prompt: "prompt",
      image: "start_image",
      negativePrompt: "negative_prompt",
      seed: null,
      aspectRatio: null,
      resolution: { field: "mode", values: { "720p": "standard", "1080p": "pro" } },
      duration: { kind: "seconds", field: "duration" },
      fps: null,
    },
  },
  {
    id: "replicate:minimax/hailuo-02",
    provider: "replicate",
    engine: "ai",
    providerModel: "minimax/hailuo-02",
    label: "Hailuo 02 (MiniMax)",
    description:
      "Strong physics and motion. Text or a start image, 6 s clips; MiniMax allows 10 s only at 768p, so we offer 6 s at every resolution. 768p costs about $0.045/s.",
    modes: ["text", "image"],
    durations: [6],
    aspectRatios: ["16:9"],
    resolutions: ["512p", "768p", "1080p"],
    fps: [24],
    defaults: { durationSeconds: 6, aspectRatio: "16:9", resolution: "1080p", fps: 24 },
    negativePrompt: false,
    seed: false,
    maxPromptLength: 2000,
    pricePerSecondUsd: 0.08,
    priceReadOn: PRICE_READ_ON,
    typicalLatencySeconds: 180,
    input: {
      prompt: "prompt",
      image: "first_frame_image",
      negativePrompt: null,
      seed: null,
      aspectRatio: null,
      resolution: { field: "resolution" },
      duration: { kind: "seconds", field: "duration" },
      fps: null,
    },
  },
  {
    id: "replicate:bytedance/seedance-1-pro",
    provider: "replicate",
    engine: "ai",
    providerModel: "bytedance/seedance-1-pro",
    label: "Seedance 1 Pro (ByteDance)",
    description:
      "Cinematic shots, 2–12 s, text or a start image (with an image the framing follows it). 480p costs about $0.03/s.",
    modes: ["text", "image"],
    durations: SEEDANCE_DURATIONS,
    aspectRatios: ALL_ASPECTS,
    resolutions: ["480p", "720p", "1080p"],
    fps: [24],
    defaults: { durationSeconds: 5, aspectRatio: "16:9", resolution: "1080p", fps: 24 },
    negativePrompt: false,
    seed: true,
    maxPromptLength: 2000,
    pricePerSecondUsd: 0.15,
    priceReadOn: PRICE_READ_ON,
    typicalLatencySeconds: 90,
    input: seedanceInput,
  },
  {
    id: "replicate:bytedance/seedance-1-lite",
    provider: "replicate",
    engine: "ai",
    providerModel: "bytedance/seedance-1-lite",
    label: "Seedance 1 Lite (ByteDance)",
    description:
      "The cheaper, faster Seedance: 2–12 s, text or a start image (with an image the framing follows it). 1080p costs about $0.07/s.",
    modes: ["text", "image"],
    durations: SEEDANCE_DURATIONS,
    aspectRatios: ALL_ASPECTS,
    resolutions: ["480p", "720p", "1080p"],
    fps: [24],
    defaults: { durationSeconds: 5, aspectRatio: "16:9", resolution: "720p", fps: 24 },
    negativePrompt: false,
    seed: true,
    maxPromptLength: 2000,
    pricePerSecondUsd: 0.036,
    priceReadOn: PRICE_READ_ON,
    typicalLatencySeconds: 60,
    input: seedanceInput,
  },
  wan22Fast("text"),
  wan22Fast("image"),
  {
    id: "replicate:lightricks/ltx-video",
    provider: "replicate",
    engine: "ai",
    providerModel: "lightricks/ltx-video",
    label: "LTX Video (Lightricks)",
    description:
      "Fast open model for drafts, text or a start image. Resolution is LTX's target frame size; lengths are rounded to LTX's frame counts. Billed by GPU time, so no fixed price.",
    modes: ["text", "image"],
    durations: [4, 5, 8],
    aspectRatios: ["16:9", "9:16", "1:1", "4:3", "3:4", "21:9"],
    resolutions: ["512p", "640p", "768p", "1024p"],
    fps: [24],
    defaults: { durationSeconds: 4, aspectRatio: "16:9", resolution: "640p", fps: 24 },
    negativePrompt: true,
    seed: false,
    maxPromptLength: 2000,
    pricePerSecondUsd: null,
    priceReadOn: PRICE_READ_ON,
    typicalLatencySeconds: 30,
    input: {
      prompt: "prompt",
      image: "image",
      negativePrompt: "negative_prompt",
      seed: null,
      aspectRatio: "aspect_ratio",
      resolution: { field: "target_size", values: { "512p": 512, "640p": 640, "768p": 768, "1024p": 1024 } },
      // LTX accepts 97, 129, …, 257 frames at 24 fps: 97 ≈ 4 s, 129 ≈ 5.4 s, 193 ≈ 8 s.
      duration: { kind: "frames", field: "length", framesBySeconds: { 4: 97, 5: 129, 8: 193 } },
      fps: null,
    },
  },
];

/** The Replicate mapping for a catalog entry; undefined for ids this provider does not know. */
export function replicateModel(id: string): ReplicateModelSpec | undefined {
  return replicateModels.find((m) => m.id === id);
}
