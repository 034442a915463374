import { describe, expect, it } from "vitest";
import { diffPushed } from "./push-diff";
import type { JobJson } from "./serialize";

function job(id: string, over: Partial<JobJson> = {}): JobJson {
  return {
    id,
    status: "running",
    progress: 0.5,
    createdAt: "2026-01-01T10:00:00.000Z",
    updatedAt: "2026-01-01T10:00:10.000Z",
    prompt: "a fox",
    error: null,
    video: null,
    ...over,
  } as JobJson;
}

describe("diffPushed", () => {
  it("takes a newer copy and says when an active job finished", () => {
    const cached = new Map([["a", job("a")]]);
    const done = job("a", { status: "succeeded", progress: 1, updatedAt: "2026-01-01T10:00:20.000Z" });
    expect(diffPushed(cached, [done])).toEqual({ changed: [done], finished: [{ job: done, outcome: "succeeded" }] });
  });

  it("takes a change made in the same millisecond (same updatedAt, other content)", () => {
    const cached = new Map([["a", job("a", { status: "submitted" })]]);
    const same = job("a");
    expect(diffPushed(cached, [same]).changed).toEqual([same]);
  });

  it("ignores an older or identical copy, and an unknown job older than every cached one", () => {
    const cached = new Map([["a", job("a", { updatedAt: "2026-01-01T10:00:30.000Z" })]]);
    expect(diffPushed(cached, [job("a")]).changed).toEqual([]);
    expect(diffPushed(cached, [cached.get("a")!]).changed).toEqual([]);
    expect(diffPushed(cached, [job("old", { createdAt: "2025-12-31T10:00:00.000Z" })]).changed).toEqual([]);
  });

  it("takes a new job (made in another tab or by a script), without a toast", () => {
    const cached = new Map([["a", job("a")]]);
    const fresh = job("b", { createdAt: "2026-01-01T10:05:00.000Z", status: "failed" });
    expect(diffPushed(cached, [fresh])).toEqual({ changed: [fresh], finished: [] });
  });
});
