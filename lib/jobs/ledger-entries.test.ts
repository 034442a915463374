import { describe, expect, it } from "vitest";
import type { Job } from "../db/schema";
import { falModels } from "../providers/fal/models";
import { SKYTELLS_CREDIT_USD, skytellsModels } from "../providers/skytells/models";
import { endingEntries, reservation, voidOf } from "./ledger-entries";

const veo = falModels.find((m) => m.id === "fal:fal-ai/veo3.1")!;
const job = (more: Partial<Job> = {}) =>
  ({
    id: "j1",
    userId: "u1",
    model: veo.id,
    provider: "fal",
    routeIndex: 0,
    durationSeconds: 8,
    resolution: "720p",
    options: null,
    status: "succeeded",
    progress: 1,
    videoDurationSeconds: 8.04,
    providerReport: null,
    ...more,
  }) as Job;

describe("ledger entries", () => {
  it("reserves the route's estimate for the job's settings", () => {
    expect(reservation(job(), veo)).toMatchObject({ jobId: "j1", attempt: 0, kind: "estimate", usd: 3.2, family: "veo-3.1", provider: "fal", userId: "u1" });
  });

  it("settles a success to the real length × the price", () => {
    const reserved = reservation(job(), veo);
    expect(endingEntries(job(), veo, reserved).map((e) => [e.kind, e.usd])).toEqual([
      ["settle", -3.2],
      ["actual", 3.216],
    ]);
  });

  it("books the provider's own figure where it reports one (a cache hit costs what Visgate says)", () => {
    expect(endingEntries(job({ providerReport: { costUsd: 0, cacheHit: true } }), veo, null).map((e) => [e.kind, e.usd])).toEqual([["actual", 0]]);
    expect(endingEntries(job({ providerReport: { costUsd: 0.05, cacheHit: true } }), veo, null).map((e) => e.usd)).toEqual([0.05]);
    // A hit with no figure: nothing was generated, so not the length × price either.
    expect(endingEntries(job({ providerReport: { cacheHit: true, servedBy: "fal" } }), veo, null).map((e) => e.usd)).toEqual([0]);
    expect(endingEntries(job({ providerReport: { cacheHit: false } }), veo, null).map((e) => e.usd)).toEqual([3.216]);
  });

  it("books Skytells' credits at its price per credit, and a dollar figure over credits", () => {
    const sky = skytellsModels.find((m) => m.id === "skytells:veo-3.1")!;
    const skyJob = (report: Record<string, unknown>) => job({ model: sky.id, provider: "skytells", providerReport: report });
    expect(endingEntries(skyJob({ costCredits: 2.5 }), sky, null).map((e) => [e.kind, e.usd])).toEqual([["actual", 2.5 * SKYTELLS_CREDIT_USD]]);
    expect(endingEntries(skyJob({ costCredits: 2.5, costUsd: 1.1 }), sky, null).map((e) => e.usd)).toEqual([1.1]);
    // A provider without a credit price (fal): credits alone say nothing in dollars, so the length × price stands.
    expect(endingEntries(job({ providerReport: { costCredits: 7 } }), veo, null).map((e) => e.usd)).toEqual([3.216]);
  });

  it("voids an attempt that failed before the provider began, and keeps one that failed after", () => {
    const reserved = reservation(job(), veo);
    expect(endingEntries(job({ status: "failed", progress: 0 }), veo, reserved)).toEqual([voidOf(reserved)]);
    expect(endingEntries(job({ status: "failed", progress: 0.4 }), veo, reserved)).toEqual([]);
  });
});
