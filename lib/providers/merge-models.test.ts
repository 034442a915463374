import { describe, expect, it } from "vitest";
import { isSpecOf, mergeDiscovered } from "./merge-models";
import type { ModelSpec } from "./types";

const spec = (over: Partial<ModelSpec>): ModelSpec => ({
  id: "p:m",
  provider: "p",
  engine: "ai",
  providerModel: "m",
  label: "m",
  description: "",
  modes: ["text"],
  durations: [5],
  aspectRatios: ["16:9"],
  resolutions: ["720p"],
  fps: [24],
  defaults: { durationSeconds: 5, aspectRatio: "16:9", resolution: "720p", fps: 24 },
  negativePrompt: false,
  seed: false,
  maxPromptLength: 2000,
  pricePerSecondUsd: null,
  priceReadOn: "2026-12-01",
  typicalLatencySeconds: 60,
  ...over,
});

describe("mergeDiscovered", () => {
  it("takes what the provider accepts from its list and what a person reads from the built-in entry", () => {
    const builtIn = spec({ label: "Model M (Maker)", description: "Curated words.", pricePerSecondUsd: 0.1, priceReadOn: "2026-11-21", typicalLatencySeconds: 90, durations: [4, 6, 8] });
    const listed = spec({ label: "m-v2", durations: [4, 6], defaults: { durationSeconds: 4, aspectRatio: "16:9", resolution: "720p", fps: 24 }, typicalLatencySeconds: 30 });
    const [merged] = mergeDiscovered([builtIn], [listed]);
    expect(merged).toMatchObject({ label: "Model M (Maker)", description: "Curated words.", pricePerSecondUsd: 0.1, priceReadOn: "2026-11-21", typicalLatencySeconds: 90 });
    expect(merged?.durations).toEqual([4, 6]);
    expect(merged?.defaults.durationSeconds).toBe(4);
  });

  it("keeps a provider's price where Dailies has none, lists new models as they come, and drops the ones no longer listed", () => {
    const merged = mergeDiscovered([spec({ id: "p:old" }), spec({ id: "p:m" })], [spec({ id: "p:m", pricePerSecondUsd: 0.2, priceReadOn: "2026-12-02" }), spec({ id: "p:new", label: "New" })]);
    expect(merged.map((m) => m.id)).toEqual(["p:m", "p:new"]);
    expect(merged[0]).toMatchObject({ pricePerSecondUsd: 0.2, priceReadOn: "2026-12-02" });
  });

  it("accepts only specs of the provider with the fields the catalog needs", () => {
    expect(isSpecOf("p", spec({}))).toBe(true);
    expect(isSpecOf("q", spec({}))).toBe(false);
    expect(isSpecOf("p", { ...spec({}), durations: [] })).toBe(false);
    expect(isSpecOf("p", { id: "p:x" })).toBe(false);
    expect(isSpecOf("p", null)).toBe(false);
  });
});
