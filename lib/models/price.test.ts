import { describe, expect, it } from "vitest";
import { aimlModels } from "../providers/aiml/models";
import { falModels } from "../providers/fal/models";
import { localModels } from "../providers/local/models";
import { modelslabModels } from "../providers/modelslab/models";
import { replicateModels } from "../providers/replicate/models";
import { skytellsModels } from "../providers/skytells/models";
import type { ModelSpec } from "../providers/types";
import { visgateModels } from "../providers/visgate/models";
import { audioSetting, estimateUsd, perSecond } from "./price";
import { priceOf } from "./route";

const all: readonly ModelSpec[] = [...localModels, ...replicateModels, ...falModels, ...skytellsModels, ...modelslabModels, ...aimlModels, ...visgateModels];
const route = (id: string) => {
  const spec = all.find((m) => m.id === id);
  if (!spec) throw new Error(`no ${id}`);
  return { engine: spec.engine, price: priceOf(spec) };
};
const usd = (id: string, durationSeconds: number, resolution: string, audio?: boolean) => estimateUsd(route(id), { durationSeconds, resolution, audio });

describe("estimateUsd against each provider's published examples", () => {
  it("Veo 3.1 at Google's list prices, $0.40/s and $0.15/s with sound (google-veo.md), on Replicate and fal", () => {
    expect(usd("replicate:google/veo-3.1", 8, "1080p")).toBe(3.2);
    expect(usd("fal:fal-ai/veo3.1", 8, "720p")).toBe(3.2);
    expect(usd("replicate:google/veo-3.1-fast", 8, "720p")).toBe(1.2);
    expect(usd("fal:fal-ai/veo3.1/fast", 4, "720p")).toBe(0.6);
  });

  it("Kling 2.1 Master at kling.ai's $0.28/s, 1080p only (kling.md), on fal", () => {
    expect(usd("fal:fal-ai/kling-video/v2.1/master/text-to-video", 5, "1080p")).toBe(1.4);
    expect(usd("fal:fal-ai/kling-video/v2.1/master/text-to-video", 10, "1080p")).toBe(2.8);
  });

  it("Replicate charges Kling 2.1 and Hailuo 02 by resolution", () => {
    expect(usd("replicate:kwaivgi/kling-v2.1", 5, "720p")).toBe(0.25);
    expect(usd("replicate:kwaivgi/kling-v2.1", 10, "1080p")).toBe(0.9);
    expect(usd("replicate:minimax/hailuo-02", 6, "768p")).toBe(0.27);
    expect(usd("replicate:minimax/hailuo-02", 6, "1080p")).toBe(0.48);
    expect(usd("replicate:bytedance/seedance-1-pro", 5, "480p")).toBe(0.15);
  });

  it("fal's LTX is a flat $0.02 a clip, whatever its length", () => {
    expect(usd("fal:fal-ai/ltx-video", 5, "512p")).toBe(0.02);
  });

  it("Skytells bills per second with a 5 s minimum (skytells.md): a 3 s clip costs a 5 s one", () => {
    expect(usd("skytells:truefusion-video-pro", 5, "1080p")).toBe(1.5);
    expect(usd("skytells:truefusion-video-pro", 3, "1080p")).toBe(1.5);
    expect(usd("skytells:truefusion-video-pro", 10, "1080p")).toBe(3);
  });

  it("Visgate's fal-served Veo 3 at fal's list price", () => {
    expect(usd("visgate:fal-ai/veo3", 8, "720p")).toBe(3.2);
  });

  it("is unknown where the provider publishes no dollar price (ModelsLab's wallet, AI.ML, Replicate's GPU-time LTX)", () => {
    expect(usd("modelslab:veo-3.1", 8, "720p")).toBeNull();
    expect(usd("aiml:video-gen.pro-1.0", 5, "720p")).toBeNull();
    expect(usd("replicate:lightricks/ltx-video", 4, "640p")).toBeNull();
  });

  it("is free for the local preview", () => {
    expect(usd("local:preview", 10, "1080p")).toBe(0);
  });
});

describe("estimateUsd rules", () => {
  const ai = (price: ReturnType<typeof perSecond>) => ({ engine: "ai" as const, price });
  it("uses the rate without sound only when the sound is turned off", () => {
    const veo = ai(perSecond(0.4, { withoutAudioUsd: 0.2 }));
    expect(estimateUsd(veo, { durationSeconds: 8, resolution: "720p" })).toBe(3.2);
    expect(estimateUsd(veo, { durationSeconds: 8, resolution: "720p", audio: false })).toBe(1.6);
    expect(estimateUsd(veo, { durationSeconds: 8, resolution: "720p", audio: true })).toBe(3.2);
  });
  it("falls back to the flat rate for a resolution the rule does not name", () => {
    expect(estimateUsd(ai(perSecond(0.1, { byResolution: { "1080p": 0.2 } })), { durationSeconds: 5, resolution: "4k" })).toBe(0.5);
  });
  it("keeps a tenth of a cent and drops floating-point dust", () => {
    expect(estimateUsd(ai(perSecond(0.036)), { durationSeconds: 7, resolution: "720p" })).toBe(0.252);
    expect(estimateUsd(ai(perSecond(0.1)), { durationSeconds: 3, resolution: "720p" })).toBe(0.3);
  });
  it("reads the sound switch from a job's options", () => {
    expect(audioSetting({ generate_audio: false })).toBe(false);
    expect(audioSetting({ generate_audio: true })).toBeUndefined();
    expect(audioSetting(null)).toBeUndefined();
  });
});
