import { describe, expect, it } from "vitest";
import { falModels } from "../providers/fal/models";
import { modelslabModels } from "../providers/modelslab/models";
import { replicateModels } from "../providers/replicate/models";
import { skytellsModels } from "../providers/skytells/models";
import type { ModelSpec } from "../providers/types";
import { orderRoutes, supports, type Candidate } from "./route-order";

const veo = [...replicateModels, ...falModels, ...skytellsModels, ...modelslabModels].filter((m) => m.family === "veo-3.1") as ModelSpec[];
const all = (usable = true): Candidate[] => veo.map((spec) => ({ spec, usable }));
const text720 = { mode: "text" as const, durationSeconds: 8, resolution: "720p", aspectRatio: "16:9", fps: 24 };
const ids = (specs: ModelSpec[]) => specs.map((m) => m.id);

describe("orderRoutes", () => {
  it("puts the cheapest route first for Best available, unknown prices last", () => {
    // Skytells $0.375/s < Replicate = fal $0.40/s (Replicate's wait ties fal's, registry order kept); ModelsLab publishes none.
    expect(ids(orderRoutes(all(), text720, { kind: "best" }))).toEqual(["skytells:veo-3.1", "replicate:google/veo-3.1", "fal:fal-ai/veo3.1", "modelslab:veo-3.1"]);
  });

  it("orders by typical wait for Fastest", () => {
    expect(ids(orderRoutes(all(), text720, { kind: "fastest" }))[0]).not.toBe("skytells:veo-3.1");
    const waits = orderRoutes(all(), text720, { kind: "fastest" }).map((m) => m.typicalLatencySeconds);
    expect(waits).toEqual([...waits].sort((a, b) => a - b));
  });

  it("puts the chosen provider first and keeps the others as fallbacks", () => {
    expect(ids(orderRoutes(all(), text720, { kind: "provider", provider: "fal" }))[0]).toBe("fal:fal-ai/veo3.1");
    expect(orderRoutes(all(), text720, { kind: "provider", provider: "fal" })).toHaveLength(4);
  });

  it("leaves out routes that cannot take the settings or are not configured here", () => {
    // Only Replicate and fal make Veo at 1080p; ModelsLab makes no image-to-video.
    expect(ids(orderRoutes(all(), { ...text720, resolution: "1080p" }, { kind: "best" }))).toEqual(["replicate:google/veo-3.1", "fal:fal-ai/veo3.1"]);
    expect(ids(orderRoutes(all(), { ...text720, mode: "image" }, { kind: "best" }))).not.toContain("modelslab:veo-3.1");
    expect(orderRoutes(all(false), text720, { kind: "best" })).toEqual([]);
  });

  it("checks every setting", () => {
    const fal = veo.find((m) => m.provider === "fal")!;
    expect(supports(fal, text720)).toBe(true);
    expect(supports(fal, { ...text720, durationSeconds: 5 })).toBe(false);
    expect(supports(fal, { ...text720, aspectRatio: "1:1" })).toBe(false);
    expect(supports(fal, { ...text720, fps: 30 })).toBe(false);
  });
});
