import { describe, expect, it } from "vitest";
import { activeIds, changedSince, diffPolled, nextDelay, POLL_FAST_MS, POLL_SLOW_MS } from "./poll-diff";
import type { JobJson } from "./serialize";

function job(id: string, status: string, updatedAt: string): JobJson {
  return { id, status, updatedAt, prompt: id } as unknown as JobJson;
}

describe("diffPolled", () => {
  const cached = new Map([
    ["a", job("a", "running", "2026-01-01T00:00:01.000Z")],
    ["b", job("b", "running", "2026-01-01T00:00:01.000Z")],
    ["c", job("c", "succeeded", "2026-01-01T00:00:00.500Z")],
  ]);

  it("keeps only rows newer than the cache and reports jobs that just finished", () => {
    const { changed, finished } = diffPolled(cached, [
      job("a", "succeeded", "2026-01-01T00:00:02.000Z"),
      job("b", "running", "2026-01-01T00:00:01.000Z"),
      job("c", "succeeded", "2026-01-01T00:00:00.500Z"),
      job("d", "failed", "2026-01-01T00:00:03.000Z"),
    ]);
    expect(changed.map((j) => j.id)).toEqual(["a", "d"]);
    // "d" was never seen active here, so it earns no toast.
    expect(finished.map((f) => [f.job.id, f.outcome])).toEqual([["a", "succeeded"]]);
  });

  it("ignores an older row arriving late", () => {
    expect(diffPolled(cached, [job("a", "queued", "2026-01-01T00:00:00.000Z")]).changed).toEqual([]);
  });

  it("does not toast a cancel", () => {
    expect(diffPolled(cached, [job("b", "canceled", "2026-01-01T00:00:05.000Z")]).finished).toEqual([]);
  });

  it("reports what finished oldest first, so a coalesced toast's action opens the last one (newest among ties)", () => {
    const at = (id: string, status: string, updatedAt: string, createdAt: string) => ({ ...job(id, status, updatedAt), createdAt }) as JobJson;
    const before = new Map(["x", "y", "z"].map((id) => [id, at(id, "running", "2026-01-01T00:00:00.000Z", "2026-01-01T00:00:00.000Z")]));
    // A page comes newest first.
    const { finished } = diffPolled(before, [
      at("z", "succeeded", "2026-01-01T00:00:05.000Z", "2025-12-31T23:59:03.000Z"),
      at("y", "succeeded", "2026-01-01T00:00:05.000Z", "2025-12-31T23:59:02.000Z"),
      at("x", "failed", "2026-01-01T00:00:09.000Z", "2025-12-31T23:59:01.000Z"),
    ]);
    expect(finished.map((f) => f.job.id)).toEqual(["y", "z", "x"]);
  });
});

describe("changedSince and activeIds", () => {
  it("asks from a second before the newest change", () => {
    expect(changedSince(cachedList())).toBe(Date.parse("2026-01-01T00:00:01.000Z") - 1_000);
    expect(changedSince([])).toBe(0);
  });
  it("sees active jobs", () => {
    expect([...activeIds(cachedList())]).toEqual(["a"]);
    expect(activeIds([job("x", "failed", "2026-01-01T00:00:00.000Z")]).size).toBe(0);
  });
  function cachedList() {
    return [job("a", "saving", "2026-01-01T00:00:01.000Z"), job("b", "succeeded", "2026-01-01T00:00:00.000Z")];
  }
});

describe("nextDelay", () => {
  it("goes fast after news and backs off by 1.5x to 10 s", () => {
    expect(nextDelay(8_000, true)).toBe(POLL_FAST_MS);
    const steps = [POLL_FAST_MS];
    while (steps.at(-1)! < POLL_SLOW_MS) steps.push(nextDelay(steps.at(-1)!, false));
    expect(steps).toEqual([1000, 1500, 2250, 3375, 5063, 7595, 10000]);
    expect(nextDelay(POLL_SLOW_MS, false)).toBe(POLL_SLOW_MS);
  });
});
