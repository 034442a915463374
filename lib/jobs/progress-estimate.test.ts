import { describe, expect, it } from "vitest";
import { estimateFraction, neverBackwards, progressView, type ProgressInput } from "./progress-estimate";

const T0 = Date.parse("2026-01-01T12:00:00Z");
const iso = (ms: number) => new Date(ms).toISOString();

function job(over: Partial<ProgressInput> = {}): ProgressInput {
  return {
    status: "running",
    progress: 0,
    etaSeconds: null,
    createdAt: iso(T0),
    updatedAt: iso(T0),
    typicalLatencySeconds: 100,
    now: T0 + 40_000,
    ...over,
  };
}

describe("estimateFraction", () => {
  it("grows with time, reaches 90% at the usual latency and never 100%", () => {
    expect(estimateFraction(0, 100)).toBe(0);
    expect(estimateFraction(50, 100)).toBeCloseTo(0.45);
    expect(estimateFraction(100, 100)).toBeCloseTo(0.9);
    expect(estimateFraction(1_000, 100)).toBeLessThan(1);
    let last = -1;
    for (let s = 0; s < 500; s += 7) {
      const v = estimateFraction(s, 100);
      expect(v).toBeGreaterThanOrEqual(last);
      last = v;
    }
  });
});

describe("progressView", () => {
  it("uses the provider's progress when it reports one", () => {
    const v = progressView(job({ progress: 0.62 }));
    expect(v).toMatchObject({ value: 0.62, estimate: false, elapsedSeconds: 40, remainingSeconds: 60 });
  });

  it("estimates from the typical latency when the provider reports nothing", () => {
    const v = progressView(job());
    expect(v.estimate).toBe(true);
    expect(v.value).toBeCloseTo(0.36);
    expect(v.remainingSeconds).toBe(60);
    expect(v.overdue).toBe(false);
  });

  it("prefers the provider's ETA, counted down since its last update", () => {
    const v = progressView(job({ progress: 0.5, etaSeconds: 30, updatedAt: iso(T0 + 30_000) }));
    expect(v.remainingSeconds).toBe(20);
  });

  it("says a job is overdue past the usual time", () => {
    const v = progressView(job({ now: T0 + 150_000 }));
    expect(v.remainingSeconds).toBe(0);
    expect(v.overdue).toBe(true);
    expect(v.value).toBeGreaterThan(0.9);
    expect(v.value).toBeLessThan(0.99);
  });

  it("falls back to a minute when the model is unknown", () => {
    expect(progressView(job({ typicalLatencySeconds: null, now: T0 + 30_000 })).value).toBeCloseTo(0.45);
  });

  it("shows a saving job as nearly done", () => {
    expect(progressView(job({ status: "saving" })).value).toBeGreaterThanOrEqual(0.95);
  });

  it("never counts negative time when clocks disagree", () => {
    expect(progressView(job({ now: T0 - 5_000 })).elapsedSeconds).toBe(0);
  });

  it("holds the bar when the first real figure is below the guess already shown", () => {
    const real = progressView(job({ progress: 0.26, now: T0 + 2_000 }));
    expect(real.estimate).toBe(false);
    const held = neverBackwards(real, 0.39);
    expect(held).toMatchObject({ value: 0.39, estimate: true });
    expect(neverBackwards(progressView(job({ progress: 0.5, now: T0 + 3_000 })), 0.39)).toMatchObject({ value: 0.5, estimate: false });
  });
});
