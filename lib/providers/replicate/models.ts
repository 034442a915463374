/**
 * Replicate's offerings of the model families (lib/models), with each model's input mapping.
 * Enums follow /work/shared/providers/replicate.md; where a model allows a value only in some
 * combinations the offering narrows to the set valid in every combination, so the composer never
 * offers a request Replicate refuses.
 * [U] Prices are USD per second of output, read from replicate.com/pricing and each model page on
 * PRICE_READ_ON; the provider notes do not carry them (Veo's match google-veo.md's list prices).
 */
import { hailuo02 } from "../../models/hailuo";
import { kling21 } from "../../models/kling-2-1";
import { ltxVideo } from "../../models/ltx";
import { perSecond, UNKNOWN_PRICE } from "../../models/price";
import { routeSpec, type Offering } from "../../models/route";
import { seedance1Lite, seedance1Pro } from "../../models/seedance";
import { veo31 } from "../../models/veo-3-1";
import { veo31Fast } from "../../models/veo-3-1-fast";
import { wan22 } from "../../models/wan";
import type { ModelSpec } from "../types";

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

const common = { prompt: "prompt", seed: "seed", aspectRatio: "aspect_ratio", resolution: { field: "resolution" }, duration: { kind: "seconds", field: "duration" } } as const;

const veoInput: ReplicateInputMap = { ...common, image: "image", negativePrompt: "negative_prompt", fps: null };
const seedanceInput: ReplicateInputMap = { ...common, image: "image", negativePrompt: null, fps: "fps" };
const wanInput = (image: string | null): ReplicateInputMap => ({
  ...common,
  image,
  negativePrompt: null,
  // 81 frames at 16 fps is the model's native ~5 s clip.
  duration: { kind: "frames", field: "num_frames", framesBySeconds: { 5: 81 } },
  fps: "frames_per_second",
});

const route = (o: Omit<Offering, "priceReadOn">, input: ReplicateInputMap): ReplicateModelSpec => ({
  ...routeSpec("replicate", { priceReadOn: PRICE_READ_ON, ...o }),
  input,
});

// Replicate's Veo stops at 1080p; the price includes audio.
const veoNarrow = { resolutions: ["720p", "1080p"] };
const SEEDANCE_ASPECTS = seedance1Pro.aspectRatios;

/** Wan 2.2 Fast comes as two Replicate models, text-to-video and image-to-video, alike otherwise. */
const wan22Fast = (mode: "text" | "image") =>
  route(
    {
      family: wan22,
      providerModel: mode === "text" ? "wan-video/wan-2.2-t2v-fast" : "wan-video/wan-2.2-i2v-fast",
      label: `Wan 2.2 Fast, ${mode} to video (Alibaba)`,
      description: mode === "text" ? "Quick and cheap: about 5 s at 16 fps from a prompt." : "Quick and cheap: animates a start image (required) for about 5 s at 16 fps.",
      narrow: { modes: [mode], durations: [5], aspectRatios: ["16:9", "9:16"], resolutions: ["480p", "720p"], negativePrompt: false },
      price: perSecond(0.02),
      typicalWaitSeconds: 40,
    },
    wanInput(mode === "text" ? null : "image"),
  );

export const replicateModels: readonly ReplicateModelSpec[] = [
  route({ family: veo31Fast, providerModel: "google/veo-3.1-fast", narrow: veoNarrow, price: perSecond(0.15), typicalWaitSeconds: 60 }, veoInput),
  route({ family: veo31, providerModel: "google/veo-3.1", narrow: veoNarrow, price: perSecond(0.4), typicalWaitSeconds: 120 }, veoInput),
  route(
    {
      family: kling21,
      providerModel: "kwaivgi/kling-v2.1",
      description: `${kling21.description} 720p is Kling's standard mode, 1080p its pro mode.`,
      price: perSecond(0.05, { byResolution: { "1080p": 0.09 } }),
      typicalWaitSeconds: 240,
    },
    {
      prompt: "prompt",
      image: "start_image",
      negativePrompt: "negative_prompt",
      seed: null,
      aspectRatio: null,
      resolution: { field: "mode", values: { "720p": "standard", "1080p": "pro" } },
      duration: { kind: "seconds", field: "duration" },
      fps: null,
    },
  ),
  route(
    {
      family: hailuo02,
      providerModel: "minimax/hailuo-02",
      description: `${hailuo02.description} MiniMax allows 10 s only at 768p, so Replicate's route offers 6 s at every resolution.`,
      narrow: { durations: [6] },
      price: perSecond(0.08, { byResolution: { "768p": 0.045 } }),
      typicalWaitSeconds: 180,
    },
    { ...common, image: "first_frame_image", negativePrompt: null, seed: null, aspectRatio: null, fps: null },
  ),
  route(
    {
      family: seedance1Pro,
      providerModel: "bytedance/seedance-1-pro",
      narrow: { aspectRatios: SEEDANCE_ASPECTS },
      // [U] 720p's rate is not on the page; the 1080p rate is charged for it, so the estimate errs high.
      price: perSecond(0.15, { byResolution: { "480p": 0.03 } }),
      typicalWaitSeconds: 90,
    },
    seedanceInput,
  ),
  route(
    {
      family: seedance1Lite,
      providerModel: "bytedance/seedance-1-lite",
      // [U] 480p's rate is not on the page; the 720p rate is charged for it.
      price: perSecond(0.036, { byResolution: { "1080p": 0.07 } }),
      typicalWaitSeconds: 60,
    },
    seedanceInput,
  ),
  wan22Fast("text"),
  wan22Fast("image"),
  route(
    {
      family: ltxVideo,
      providerModel: "lightricks/ltx-video",
      description: `${ltxVideo.description} Resolution is LTX's target frame size; lengths are rounded to LTX's frame counts. Billed by GPU time, so no fixed price.`,
      narrow: { seed: false },
      defaults: { durationSeconds: 4, resolution: "640p" },
      price: UNKNOWN_PRICE,
      typicalWaitSeconds: 30,
    },
    {
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
  ),
];

/** The Replicate mapping for a catalog entry; undefined for ids this provider does not know. */
export function replicateModel(id: string): ReplicateModelSpec | undefined {
  return replicateModels.find((m) => m.id === id);
}
