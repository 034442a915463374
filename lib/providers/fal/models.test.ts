import { describe, expect, it } from "vitest";
import { ASPECT_RATIOS } from "../types";
import { falModels, findFalModel } from "./models";

describe("fal catalog", () => {
  it("has unique ids of the form fal:<endpoint id>", () => {
    const ids = falModels.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const m of falModels) {
      expect(m.id).toBe(`fal:${m.providerModel}`);
      expect(m.provider).toBe("fal");
      expect(findFalModel(m.id)).toBe(m);
    }
    expect(new Set(falModels.map((m) => m.label)).size).toBe(falModels.length);
  });

  it("has defaults inside the allowed values", () => {
    for (const m of falModels) {
      expect(m.durations, m.id).toContain(m.defaults.durationSeconds);
      expect(m.aspectRatios, m.id).toContain(m.defaults.aspectRatio);
      expect(m.resolutions, m.id).toContain(m.defaults.resolution);
      expect(m.fps, m.id).toContain(m.defaults.fps);
      for (const ar of m.aspectRatios) expect(ASPECT_RATIOS).toContain(ar);
      expect(m.modes.length).toBeGreaterThan(0);
      expect(m.maxPromptLength).toBeGreaterThan(0);
      expect(m.typicalLatencySeconds).toBeGreaterThan(0);
      expect(m.pricePerSecondUsd === null || m.pricePerSecondUsd > 0).toBe(true);
      expect(m.priceReadOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it("can express every offered length in the model's own units", () => {
    for (const m of falModels) {
      const d = m.fal.duration;
      if (d.kind === "fixed") expect(m.durations, m.id).toHaveLength(1);
      if (d.kind !== "frames") continue;
      for (const seconds of m.durations) {
        for (const fps of m.fps) {
          const frames = seconds * fps + 1;
          expect(frames, `${m.id} ${seconds}s@${fps}`).toBeGreaterThanOrEqual(d.minFrames);
          expect(frames, `${m.id} ${seconds}s@${fps}`).toBeLessThanOrEqual(d.maxFrames);
        }
      }
    }
  });

  it("gives image-to-video endpoints that differ from the text ones", () => {
    for (const m of falModels) {
      if (m.fal.imageEndpoint) expect(m.fal.imageEndpoint).not.toBe(m.providerModel);
      if (m.modes.includes("image")) expect(m.fal.imageField).toBe("image_url");
    }
  });
});
