import { describe, expect, it } from "vitest";
import { Registry, renderGauge } from "./registry";

describe("metrics registry", () => {
  it("renders counters by label set in the Prometheus text format", () => {
    const r = new Registry();
    const c = r.counter("dailies_things_total", "Things.");
    c.inc({ provider: "fal", result: "ok" });
    c.inc({ result: "ok", provider: "fal" }, 2);
    c.inc({ provider: "say \"hi\"", result: "x" });
    expect(r.render()).toBe(
      [
        "# HELP dailies_things_total Things.",
        "# TYPE dailies_things_total counter",
        'dailies_things_total{provider="fal",result="ok"} 3',
        'dailies_things_total{provider="say \\"hi\\"",result="x"} 1',
        "",
      ].join("\n"),
    );
  });

  it("renders histograms with cumulative buckets, +Inf, sum and count", () => {
    const r = new Registry();
    const h = r.histogram("lat_seconds", "Latency.", [1, 0.1]);
    h.observe({ p: "a" }, 0.05);
    h.observe({ p: "a" }, 0.5);
    h.observe({ p: "a" }, 3);
    const text = r.render();
    expect(text).toContain('lat_seconds_bucket{p="a",le="0.1"} 1');
    expect(text).toContain('lat_seconds_bucket{p="a",le="1"} 2');
    expect(text).toContain('lat_seconds_bucket{p="a",le="+Inf"} 3');
    expect(text).toContain('lat_seconds_sum{p="a"} 3.55');
    expect(text).toContain('lat_seconds_count{p="a"} 3');
  });

  it("refuses one name as two kinds", () => {
    const r = new Registry();
    r.counter("x", "X.");
    expect(() => r.histogram("x", "X.", [1])).toThrow(/already a counter/);
  });

  it("renders gauges read at scrape time", () => {
    expect(renderGauge("g", "G.", [{ labels: { a: "1" }, value: 2 }, { value: 0.5 }])).toBe('# HELP g G.\n# TYPE g gauge\ng{a="1"} 2\ng 0.5\n');
  });
});
