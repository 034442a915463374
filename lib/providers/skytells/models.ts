/**
 * Skytells' video models as built-in data (see shared/providers/skytells.md). `discover()`
 * refreshes limits and prices from `GET /v1/models`; these fill in what the list leaves out.
 *
 * Left out on purpose: `lipfusion` (lip-sync needs an audio track, which Dailies has no way to
 * send) and `sora-2` / `sora-2-pro` (OpenAI's Sora API shut down on 2026-09-24, so Skytells
 * most likely cannot serve them; see the notes' Dec 2026 update).
 */
import type { AspectRatio, ModelSpec } from "../types";

export const PRICE_READ_ON = "2026-12-01";

interface Entry {
  slug: string;
  label: string;
  description: string;
  image: boolean;
  durations: number[];
  defaultDuration: number;
  aspectRatios: AspectRatio[];
  resolution: string;
  pricePerSecondUsd: number | null;
  latency: number;
}

// [U] Per-model durations, aspect ratios, resolutions and image support are not documented
// beyond "3–30 s depending on model" and "TrueFusion is billed per second, minimum 5 s";
// Veo's are Google's own limits. GET /v1/model/{slug} corrects them through discover().
// [U] Prices: the guide lists one cost per clip ($1.50 TrueFusion Pro ...) without a unit;
// read here as the price of its 5 s example clip (8 s for Veo), divided into seconds.
const ENTRIES: Entry[] = [
  {
    slug: "truefusion-video-pro",
    label: "TrueFusion Video Pro",
    description: "Skytells' flagship video model: 1080p, the best quality Skytells offers.",
    image: true,
    durations: [5, 6, 8, 10],
    defaultDuration: 5,
    aspectRatios: ["16:9", "9:16", "1:1", "4:3"],
    resolution: "1080p",
    pricePerSecondUsd: 0.3,
    latency: 60,
  },
  {
    slug: "truefusion-video",
    label: "TrueFusion Video",
    description: "Skytells' standard video model: 720p, faster and cheaper than Pro.",
    image: true,
    durations: [5, 6, 8, 10],
    defaultDuration: 5,
    aspectRatios: ["16:9", "9:16", "1:1", "4:3"],
    resolution: "720p",
    pricePerSecondUsd: 0.16,
    latency: 45,
  },
  {
    slug: "mera",
    label: "Mera",
    description: "Cinematic quality from Skytells; takes two to five minutes.",
    image: false,
    durations: [5, 10],
    defaultDuration: 5,
    aspectRatios: ["16:9", "9:16", "1:1", "4:3"],
    resolution: "1080p",
    pricePerSecondUsd: 0.4,
    latency: 210,
  },
  {
    slug: "lumo",
    label: "Lumo",
    description: "Artistic, stylised video from Skytells.",
    image: false,
    durations: [5, 10],
    defaultDuration: 5,
    aspectRatios: ["16:9", "9:16", "1:1", "4:3"],
    resolution: "720p",
    pricePerSecondUsd: 0.24,
    latency: 60,
  },
  {
    slug: "veo-3.1",
    label: "Veo 3.1 (via Skytells)",
    description: "Google Veo 3.1 through Skytells: the highest quality, two to four minutes.",
    image: true,
    durations: [4, 6, 8],
    defaultDuration: 8,
    aspectRatios: ["16:9", "9:16"],
    resolution: "720p",
    pricePerSecondUsd: 0.375,
    latency: 180,
  },
  {
    slug: "veo-3.1-fast",
    label: "Veo 3.1 Fast (via Skytells)",
    description: "Google Veo 3.1 Fast through Skytells: quicker and cheaper than Veo 3.1.",
    image: true,
    durations: [4, 6, 8],
    defaultDuration: 8,
    aspectRatios: ["16:9", "9:16"],
    resolution: "720p",
    pricePerSecondUsd: null,
    latency: 90,
  },
];

function toSpec(e: Entry): ModelSpec {
  return {
    id: `skytells:${e.slug}`,
    provider: "skytells",
    engine: "ai",
    // Skytells takes input images only as URLs (no upload endpoint, no inline form documented).
    imageInput: "url",
    providerModel: e.slug,
    label: e.label,
    description: e.description,
    modes: e.image ? ["text", "image"] : ["text"],
    durations: e.durations,
    aspectRatios: e.aspectRatios,
    resolutions: [e.resolution],
    fps: [24, 30],
    defaults: { durationSeconds: e.defaultDuration, aspectRatio: "16:9", resolution: e.resolution, fps: 24 },
    negativePrompt: true,
    // [U] No seed field is documented for Skytells video models.
    seed: false,
    // [U] Prompt length limit not documented.
    maxPromptLength: 2000,
    pricePerSecondUsd: e.pricePerSecondUsd,
    priceReadOn: PRICE_READ_ON,
    typicalLatencySeconds: e.latency,
  };
}

export const skytellsModels: readonly ModelSpec[] = ENTRIES.map(toSpec);

export const DEFAULT_SKYTELLS_MODEL = "skytells:truefusion-video-pro";

export function builtInSkytellsModel(slug: string): ModelSpec | undefined {
  return skytellsModels.find((m) => m.providerModel === slug);
}
