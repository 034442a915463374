import { describe, expect, it } from "vitest";
import { ASPECT_RATIOS } from "../types";
import { replicateModel, replicateModels } from "./models";

describe("replicate catalog", () => {
  it("has unique ids of the form replicate:<owner>/<name>", () => {
    const ids = replicateModels.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const m of replicateModels) {
      expect(m.provider).toBe("replicate");
      expect(m.providerModel).toMatch(/^[a-z0-9-]+\/[a-z0-9.-]+$/);
      expect(m.id).toBe(`replicate:${m.providerModel}`);
      expect(replicateModel(m.id)).toBe(m);
    }
  });

  it.each(replicateModels.map((m) => [m.id, m] as const))("%s has defaults inside its allowed sets", (_id, m) => {
    expect(m.durations).toContain(m.defaults.durationSeconds);
    expect(m.aspectRatios).toContain(m.defaults.aspectRatio);
    expect(m.resolutions).toContain(m.defaults.resolution);
    expect(m.fps).toContain(m.defaults.fps);
    for (const a of m.aspectRatios) expect(ASPECT_RATIOS).toContain(a);
    expect(m.modes.length).toBeGreaterThan(0);
    expect(m.label).toMatch(/\(.+\)$/);
    expect(m.maxPromptLength).toBeGreaterThan(0);
    expect(m.typicalLatencySeconds).toBeGreaterThan(0);
    expect(m.priceReadOn).toBe("2026-11-21");
    if (m.pricePerSecondUsd !== null) expect(m.pricePerSecondUsd).toBeGreaterThan(0);
  });

  it.each(replicateModels.map((m) => [m.id, m] as const))("%s maps every offered value to an input", (_id, m) => {
    const { input } = m;
    expect(input.image !== null).toBe(m.modes.includes("image"));
    expect(input.negativePrompt !== null).toBe(m.negativePrompt);
    expect(input.seed !== null).toBe(m.seed);
    if (input.duration.kind === "frames") {
      for (const d of m.durations) expect(input.duration.framesBySeconds[d]).toBeGreaterThan(0);
    }
    const values = input.resolution?.values;
    if (values) for (const r of m.resolutions) expect(values[r]).toBeDefined();
  });

  it("offers the models people ask for", () => {
    for (const slug of [
      "google/veo-3.1-fast",
      "google/veo-3.1",
      "kwaivgi/kling-v2.1",
      "minimax/hailuo-02",
      "bytedance/seedance-1-pro",
      "bytedance/seedance-1-lite",
      "wan-video/wan-2.2-t2v-fast",
      "wan-video/wan-2.2-i2v-fast",
      "lightricks/ltx-video",
    ]) {
      expect(replicateModel(`replicate:${slug}`)).toBeDefined();
    }
    expect(replicateModel("replicate:kwaivgi/kling-v2.1")?.modes).toEqual(["image"]);
  });
});
