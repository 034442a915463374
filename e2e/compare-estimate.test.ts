/** The composer's compare estimate: every picked model priced at the settings it will really use, added up. */
import { describe, expect, it } from "vitest";
import { compareEstimateUsd } from "../components/composer/estimate-usd";
import type { PriceRule } from "../lib/models/price";

const model = (price: PriceRule, durations: number[], engine: "ai" | "preview" = "ai") => ({
  engine,
  price,
  durations,
  resolutions: ["480p", "720p"],
  aspectRatios: ["16:9"] as const,
  fps: [24],
  defaults: { aspectRatio: "16:9" as const, durationSeconds: durations[0]!, resolution: "720p", fps: 24 },
});

describe("compareEstimateUsd", () => {
  it("adds up one take of each model, each at its nearest allowed duration", () => {
    const fiveOrTen = model({ kind: "per_second", usd: 0.1 }, [5, 10]);
    const fourOrEight = model({ kind: "per_second", usd: 0.5 }, [4, 8]);
    // 8 s wanted: the first model's nearest is 10 s ($1.00), the second makes 8 s ($4.00).
    expect(compareEstimateUsd([fiveOrTen, fourOrEight], { durationSeconds: 8, resolution: "720p" })).toBe(5);
    expect(compareEstimateUsd([fiveOrTen], { durationSeconds: 8, resolution: "720p" })).toBe(1);
  });

  it("counts a preview model as free and gives no total when any price is unpublished", () => {
    const paid = model({ kind: "per_second", usd: 0.2 }, [5]);
    const preview = model({ kind: "per_second", usd: 9 }, [5], "preview");
    expect(compareEstimateUsd([paid, preview], { durationSeconds: 5, resolution: "720p" })).toBe(1);
    expect(compareEstimateUsd([paid, model({ kind: "unknown" }, [5])], { durationSeconds: 5, resolution: "720p" })).toBeNull();
  });
});
