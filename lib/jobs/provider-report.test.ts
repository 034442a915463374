import { describe, expect, it } from "vitest";
import { cleanReport, reportOf, servedLine } from "./provider-report";

describe("provider reports", () => {
  it("keeps what a gateway said about serving the job, and its cost", () => {
    const report = reportOf({ report: { servedBy: "fal", servedModel: "fal-ai/veo3", cacheHit: false, latencyMs: 9000 }, cost: { usd: 0.4 } });
    expect(report).toEqual({ servedBy: "fal", servedModel: "fal-ai/veo3", cacheHit: false, latencyMs: 9000, costUsd: 0.4 });
    expect(servedLine(report)).toBe("fal · fal-ai/veo3 · $0.40");
  });

  it("is null when the provider reported nothing", () => {
    expect(reportOf({})).toBeNull();
    expect(servedLine(null)).toBeNull();
    expect(cleanReport("junk")).toBeNull();
  });

  it("drops values a provider got wrong instead of showing them", () => {
    expect(cleanReport({ servedBy: "  ", costUsd: -1, latencyMs: "fast", cacheHit: "yes", servedModel: "m" })).toEqual({ servedModel: "m" });
    expect(cleanReport({ servedBy: "x".repeat(500) })?.servedBy).toHaveLength(200);
  });

  it("shows credits when there is no dollar figure, and a cache hit's zero cost", () => {
    expect(servedLine({ servedBy: "runway", costCredits: 50 })).toBe("runway · 50 credits");
    expect(servedLine({ servedBy: "fal", servedModel: "fal-ai/kling", cacheHit: true, costUsd: 0 })).toBe("fal · fal-ai/kling · $0.00");
  });
});
