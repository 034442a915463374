/**
 * The fal catalog as data. Allowed values follow fal's endpoint schemas (see
 * shared/providers/fal.md); prices are fal's public per-second list prices at the
 * default settings, read on PRICE_READ_ON. One entry covers a text-to-video endpoint
 * and its image-to-video twin when their parameters line up.
 */
import type { ModelSpec } from "../types";

export const PRICE_READ_ON = "2026-11-21";

type Mode = "text" | "image";

/** How a model wants the clip length: fal enums are strings, and not all alike. */
export type FalDuration =
  /** `"5"` (suffix "") or `"8s"` (suffix "s"). */
  | { kind: "string"; suffix: "" | "s" }
  /** `num_frames` + `frames_per_second`; the model's frame count must stay in range. */
  | { kind: "frames"; minFrames: number; maxFrames: number }
  /** Length is fixed by the model; nothing is sent. */
  | { kind: "fixed" };

export interface FalMapping {
  /** Used instead of `providerModel` when an image is given; null: the same endpoint takes `imageField`. */
  imageEndpoint: string | null;
  duration: FalDuration;
  imageField: "image_url";
  /** fal accepts small images inline as data URIs on this endpoint; larger ones are uploaded to fal's CDN. */
  acceptsDataUri: boolean;
  /** Which endpoints take `aspect_ratio` (image endpoints often derive it from the still). */
  aspectRatioFor: readonly Mode[];
  /** Which endpoints take `resolution`, and in which casing ("720p" vs "768P"). */
  resolution: { sendFor: readonly Mode[]; casing: "lower" | "upper" };
}

export interface FalModelSpec extends ModelSpec {
  provider: "fal";
  fal: FalMapping;
}

const both: readonly Mode[] = ["text", "image"];
const textOnly: readonly Mode[] = ["text"];
const none: readonly Mode[] = [];

function veo(endpoint: string, label: string, description: string, pricePerSecondUsd: number, latency: number): FalModelSpec {
  return {
    id: `fal:${endpoint}`,
    provider: "fal",
    engine: "ai",
    providerModel: endpoint,
    label,
    description,
    modes: ["text", "image"],
    durations: [4, 6, 8],
    aspectRatios: ["16:9", "9:16"],
    resolutions: ["720p", "1080p", "4k"],
    fps: [24],
    defaults: { durationSeconds: 8, aspectRatio: "16:9", resolution: "720p", fps: 24 },
    negativePrompt: true,
    seed: true,
    maxPromptLength: 2000,
    // With audio, which Veo generates by default; 4k costs more than this.
    pricePerSecondUsd,
    priceReadOn: PRICE_READ_ON,
    typicalLatencySeconds: latency,
    fal: {
      imageEndpoint: `${endpoint}/image-to-video`,
      duration: { kind: "string", suffix: "s" },
      imageField: "image_url",
      acceptsDataUri: true,
      aspectRatioFor: both,
      resolution: { sendFor: both, casing: "lower" },
    },
  };
}

function kling(endpoint: string, imageEndpoint: string, label: string, description: string, pricePerSecondUsd: number, latency: number): FalModelSpec {
  return {
    id: `fal:${endpoint}`,
    provider: "fal",
    engine: "ai",
    providerModel: endpoint,
    label,
    description,
    modes: ["text", "image"],
    durations: [5, 10],
    aspectRatios: ["16:9", "9:16", "1:1"],
    resolutions: ["1080p"],
    fps: [24],
    defaults: { durationSeconds: 5, aspectRatio: "16:9", resolution: "1080p", fps: 24 },
    negativePrompt: true,
    seed: false,
    maxPromptLength: 2500,
    pricePerSecondUsd,
    priceReadOn: PRICE_READ_ON,
    typicalLatencySeconds: latency,
    fal: {
      imageEndpoint,
      duration: { kind: "string", suffix: "" },
      imageField: "image_url",
      acceptsDataUri: true,
      // The image-to-video endpoint takes its framing from the still.
      aspectRatioFor: textOnly,
      resolution: { sendFor: none, casing: "lower" },
    },
  };
}

export const falModels: readonly FalModelSpec[] = [
  veo("fal-ai/veo3.1", "Veo 3.1", "Google's flagship: cinematic motion with synchronized sound.", 0.4, 120),
  veo("fal-ai/veo3.1/fast", "Veo 3.1 Fast", "Veo 3.1 at a lower price and faster turnaround, with sound.", 0.15, 60),
  kling(
    "fal-ai/kling-video/v2.1/master/text-to-video",
    "fal-ai/kling-video/v2.1/master/image-to-video",
    "Kling 2.1 Master",
    "Kling's top 2.1 tier: strong prompt adherence and smooth 1080p motion.",
    0.28,
    240,
  ),
  kling(
    "fal-ai/kling-video/v2.5-turbo/pro/text-to-video",
    "fal-ai/kling-video/v2.5-turbo/pro/image-to-video",
    "Kling 2.5 Turbo Pro",
    "Faster, cheaper Kling with better motion than 2.1.",
    0.07,
    90,
  ),
  {
    id: "fal:fal-ai/minimax/hailuo-02/standard/text-to-video",
    provider: "fal",
    engine: "ai",
    providerModel: "fal-ai/minimax/hailuo-02/standard/text-to-video",
    label: "Hailuo 02 (768p)",
    description: "MiniMax Hailuo 02 Standard: realistic physics at 768p, good value.",
    modes: ["text", "image"],
    durations: [6, 10],
    aspectRatios: ["16:9"],
    resolutions: ["768p"],
    fps: [24],
    defaults: { durationSeconds: 6, aspectRatio: "16:9", resolution: "768p", fps: 24 },
    negativePrompt: false,
    seed: false,
    maxPromptLength: 2000,
    pricePerSecondUsd: 0.045,
    priceReadOn: PRICE_READ_ON,
    typicalLatencySeconds: 180,
    fal: {
      imageEndpoint: "fal-ai/minimax/hailuo-02/standard/image-to-video",
      duration: { kind: "string", suffix: "" },
      imageField: "image_url",
      acceptsDataUri: true,
      aspectRatioFor: none,
      // Only the image endpoint has a resolution choice (512P/768P); 512P is left out so both agree.
      resolution: { sendFor: ["image"], casing: "upper" },
    },
  },
  {
    id: "fal:fal-ai/bytedance/seedance/v1/pro/text-to-video",
    provider: "fal",
    engine: "ai",
    providerModel: "fal-ai/bytedance/seedance/v1/pro/text-to-video",
    label: "Seedance 1.0 Pro",
    description: "ByteDance Seedance Pro: multi-shot scenes, many aspect ratios, up to 1080p.",
    modes: ["text", "image"],
    durations: [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
    aspectRatios: ["16:9", "9:16", "1:1", "4:3", "3:4", "21:9"],
    resolutions: ["480p", "720p", "1080p"],
    fps: [24],
    defaults: { durationSeconds: 5, aspectRatio: "16:9", resolution: "1080p", fps: 24 },
    negativePrompt: false,
    seed: true,
    maxPromptLength: 2000,
    // Billed by tokens; this is the 1080p rate (720p is about half).
    pricePerSecondUsd: 0.124,
    priceReadOn: PRICE_READ_ON,
    typicalLatencySeconds: 90,
    fal: {
      imageEndpoint: "fal-ai/bytedance/seedance/v1/pro/image-to-video",
      duration: { kind: "string", suffix: "" },
      imageField: "image_url",
      acceptsDataUri: true,
      aspectRatioFor: both,
      resolution: { sendFor: both, casing: "lower" },
    },
  },
  {
    id: "fal:fal-ai/wan/v2.2-a14b/text-to-video",
    provider: "fal",
    engine: "ai",
    providerModel: "fal-ai/wan/v2.2-a14b/text-to-video",
    label: "Wan 2.2 (open weights)",
    description: "Alibaba's open Wan 2.2 A14B: capable and inexpensive, 16 fps.",
    modes: ["text", "image"],
    // 16 fps keeps every length within the model's 17–161 frames.
    durations: [3, 5, 8, 10],
    aspectRatios: ["16:9", "9:16", "1:1"],
    resolutions: ["480p", "580p", "720p"],
    fps: [16],
    defaults: { durationSeconds: 5, aspectRatio: "16:9", resolution: "720p", fps: 16 },
    negativePrompt: true,
    seed: true,
    maxPromptLength: 2000,
    pricePerSecondUsd: 0.08,
    priceReadOn: PRICE_READ_ON,
    typicalLatencySeconds: 120,
    fal: {
      imageEndpoint: "fal-ai/wan/v2.2-a14b/image-to-video",
      duration: { kind: "frames", minFrames: 17, maxFrames: 161 },
      imageField: "image_url",
      acceptsDataUri: true,
      aspectRatioFor: both,
      resolution: { sendFor: both, casing: "lower" },
    },
  },
  {
    id: "fal:fal-ai/ltx-video",
    provider: "fal",
    engine: "ai",
    providerModel: "fal-ai/ltx-video",
    label: "LTX Video (fast draft)",
    description: "Lightricks LTX-Video: rough drafts in seconds for a couple of cents.",
    modes: ["text", "image"],
    durations: [5],
    aspectRatios: ["16:9"],
    resolutions: ["512p"],
    fps: [24],
    defaults: { durationSeconds: 5, aspectRatio: "16:9", resolution: "512p", fps: 24 },
    negativePrompt: true,
    seed: true,
    maxPromptLength: 2000,
    // fal lists $0.02 per clip of about five seconds.
    pricePerSecondUsd: 0.004,
    priceReadOn: PRICE_READ_ON,
    typicalLatencySeconds: 20,
    fal: {
      imageEndpoint: "fal-ai/ltx-video/image-to-video",
      duration: { kind: "fixed" },
      imageField: "image_url",
      acceptsDataUri: true,
      aspectRatioFor: none,
      resolution: { sendFor: none, casing: "lower" },
    },
  },
];

const byId = new Map(falModels.map((m) => [m.id, m]));

export function findFalModel(id: string): FalModelSpec | undefined {
  return byId.get(id);
}
