/**
 * AI.ML's one documented video model as data (shared/providers/aiml.md). Only the documented
 * values are offered; the Seedance-like wider ranges are guesses, kept here so widening the
 * catalog is an edit to these lists (and, for ratio/fps/seed, to `flags`).
 */
import type { ModelSpec } from "../types";

/** Inline `--flags` beyond --resolution/--duration that a model is known to read. */
export type AimlFlag = "ratio" | "fps" | "seed";

export interface AimlModelSpec extends ModelSpec {
  provider: "aiml";
  aiml: { flags: readonly AimlFlag[] };
}

export const aimlModels: readonly AimlModelSpec[] = [
  {
    id: "aiml:video-gen.pro-1.0",
    provider: "aiml",
    engine: "ai",
    imageInput: "url",
    providerModel: "video-gen.pro-1.0",
    label: "Video Gen Pro 1.0",
    description: "AI.ML's video model (text or image to video), 720p or 1080p.",
    modes: ["text", "image"],
    // [U] Only 5 s is documented; Seedance would also take 2–12 s (`--duration`).
    durations: [5],
    // [U] No `--ratio` is documented, so nothing is sent and the provider's own framing (assumed 16:9) is what comes back.
    aspectRatios: ["16:9"],
    // [U] 720p and 1080p are the documented examples; 480p is a Seedance guess left out.
    resolutions: ["720p", "1080p"],
    // [U] Frame rate is not documented (Seedance renders 24 fps).
    fps: [24],
    defaults: { durationSeconds: 5, aspectRatio: "16:9", resolution: "720p", fps: 24 },
    negativePrompt: false,
    seed: false,
    // [U] No prompt limit is documented.
    maxPromptLength: 2000,
    // [U] AI.ML publishes no per-second price.
    pricePerSecondUsd: null,
    priceReadOn: "2026-12-01",
    // [U] No typical wait is documented; the guide polls every 2–5 s.
    typicalLatencySeconds: 90,
    options: [
      {
        key: "camerafixed",
        label: "Fixed camera",
        description: "Keep the camera still (no pans or zooms).",
        kind: "boolean",
        default: false,
      },
    ],
    aiml: { flags: [] },
  },
];

export function findAimlModel(id: string): AimlModelSpec | undefined {
  return aimlModels.find((m) => m.id === id || m.providerModel === id);
}
