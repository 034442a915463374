/**
 * Visgate's built-in models. Its ids are the upstream ids (fal endpoint ids, Replicate
 * `owner/name`, `runway/<model>`), so each model's limits are its upstream's (see
 * shared/providers/fal.md, runway.md). `wire` says which of the job's settings go in the body
 * as model extras (Visgate merges extras into the top level and passes them on [V]; whether
 * the upstream reads them under these names is [U]). `discover()` adds what Visgate lists.
 */
import type { ModelSpec } from "../types";

/** Body field names for the job's common settings beyond model/prompt/duration_seconds/image_url. */
export interface VisgateWire {
  aspectRatio?: string;
  resolution?: string;
  negativePrompt?: string;
  seed?: string;
}

export interface VisgateModelSpec extends ModelSpec {
  provider: "visgate";
  visgate: { wire: VisgateWire };
}

export const PRICE_READ_ON = "2026-12-01";

const FAL_WIRE: VisgateWire = { aspectRatio: "aspect_ratio", resolution: "resolution", negativePrompt: "negative_prompt", seed: "seed" };

function falVeo(endpoint: string, label: string, description: string, pricePerSecondUsd: number, latency: number): VisgateModelSpec {
  return {
    id: `visgate:${endpoint}`,
    provider: "visgate",
    engine: "ai",
    imageInput: "url",
    providerModel: endpoint,
    label,
    description,
    modes: ["text", "image"],
    durations: [4, 6, 8],
    aspectRatios: ["16:9", "9:16"],
    resolutions: ["720p", "1080p"],
    fps: [24],
    defaults: { durationSeconds: 8, aspectRatio: "16:9", resolution: "720p", fps: 24 },
    negativePrompt: true,
    seed: true,
    maxPromptLength: 2000,
    // [U] fal's list price with audio; Visgate's own fee on top is not published. The job page shows what Visgate reports.
    pricePerSecondUsd,
    priceReadOn: PRICE_READ_ON,
    typicalLatencySeconds: latency,
    options: [
      { key: "generate_audio", label: "Sound", description: "Let Veo generate a soundtrack with the video.", kind: "boolean", default: true },
    ],
    visgate: { wire: FAL_WIRE },
  };
}

export const visgateModels: readonly VisgateModelSpec[] = [
  falVeo("fal-ai/veo3", "Veo 3 (via fal)", "Google Veo 3 through Visgate, served by fal: cinematic motion with sound.", 0.4, 120),
  // [U] fal dropped veo3/fast from its latest SDK types; kept while Visgate still lists it.
  falVeo("fal-ai/veo3/fast", "Veo 3 Fast (via fal)", "Veo 3 at a lower price and faster turnaround, through Visgate.", 0.15, 60),
  {
    id: "visgate:runway/gen4_turbo",
    provider: "visgate",
    engine: "ai",
    imageInput: "url",
    providerModel: "runway/gen4_turbo",
    label: "Runway Gen-4 Turbo",
    description: "Runway's fast Gen-4: animates a still image, through Visgate.",
    // Gen-4 Turbo is image-to-video only.
    modes: ["image"],
    durations: [5, 10],
    // [U] How Visgate maps a ratio to Runway's pixel ratios is not documented, so none is sent: the still's framing is kept.
    aspectRatios: ["16:9"],
    resolutions: ["720p"],
    fps: [24],
    defaults: { durationSeconds: 5, aspectRatio: "16:9", resolution: "720p", fps: 24 },
    negativePrompt: false,
    seed: false,
    maxPromptLength: 1000,
    // [U] Runway bills credits; the dollar rate through Visgate is not published.
    pricePerSecondUsd: 0.05,
    priceReadOn: PRICE_READ_ON,
    typicalLatencySeconds: 60,
    visgate: { wire: {} },
  },
];

export function findVisgateModel(id: string): VisgateModelSpec | undefined {
  return visgateModels.find((m) => m.id === id || m.providerModel === id);
}
