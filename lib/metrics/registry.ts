/**
 * A tiny in-process metrics registry (counters and histograms with labels) and the Prometheus
 * text format. In-process means per server or worker process: a separate `npm run worker`
 * counts its own provider calls. The registry lives on globalThis because Next.js loads
 * instrumentation (the embedded worker) and route handlers as separate module graphs.
 */

export type Labels = Record<string, string>;

interface Series {
  labels: Labels;
}
interface CounterSeries extends Series {
  value: number;
}
interface HistogramSeries extends Series {
  counts: number[];
  sum: number;
  count: number;
}

export interface Counter {
  inc(labels?: Labels, by?: number): void;
}
export interface Histogram {
  observe(labels: Labels, value: number): void;
}

type Metric =
  | { kind: "counter"; name: string; help: string; series: Map<string, CounterSeries> }
  | { kind: "histogram"; name: string; help: string; buckets: number[]; series: Map<string, HistogramSeries> };

export class Registry {
  private readonly metrics = new Map<string, Metric>();

  counter(name: string, help: string): Counter {
    const metric = this.define(name, () => ({ kind: "counter", name, help, series: new Map<string, CounterSeries>() }));
    if (metric.kind !== "counter") throw new Error(`${name} is already a ${metric.kind}`);
    return {
      inc(labels = {}, by = 1) {
        const key = labelKey(labels);
        const s = metric.series.get(key) ?? { labels, value: 0 };
        s.value += by;
        metric.series.set(key, s);
      },
    };
  }

  histogram(name: string, help: string, buckets: number[]): Histogram {
    const sorted = [...buckets].sort((a, b) => a - b);
    const metric = this.define(name, () => ({ kind: "histogram", name, help, buckets: sorted, series: new Map<string, HistogramSeries>() }));
    if (metric.kind !== "histogram") throw new Error(`${name} is already a ${metric.kind}`);
    return {
      observe(labels, value) {
        const key = labelKey(labels);
        const s = metric.series.get(key) ?? { labels, counts: metric.buckets.map(() => 0), sum: 0, count: 0 };
        metric.buckets.forEach((le, i) => {
          if (value <= le) s.counts[i]! += 1;
        });
        s.sum += value;
        s.count += 1;
        metric.series.set(key, s);
      },
    };
  }

  /** Everything recorded so far, in the Prometheus text exposition format. */
  render(): string {
    const out: string[] = [];
    for (const m of this.metrics.values()) {
      out.push(`# HELP ${m.name} ${escapeHelp(m.help)}`, `# TYPE ${m.name} ${m.kind}`);
      if (m.kind === "counter") {
        for (const s of m.series.values()) out.push(`${m.name}${labelText(s.labels)} ${num(s.value)}`);
        continue;
      }
      for (const s of m.series.values()) {
        m.buckets.forEach((le, i) => out.push(`${m.name}_bucket${labelText({ ...s.labels, le: num(le) })} ${s.counts[i]}`));
        out.push(`${m.name}_bucket${labelText({ ...s.labels, le: "+Inf" })} ${s.count}`);
        out.push(`${m.name}_sum${labelText(s.labels)} ${num(s.sum)}`, `${m.name}_count${labelText(s.labels)} ${s.count}`);
      }
    }
    return out.length ? out.join("\n") + "\n" : "";
  }

  private define(name: string, make: () => Metric): Metric {
    let m = this.metrics.get(name);
    if (!m) this.metrics.set(name, (m = make()));
    return m;
  }
}

/** A gauge read at scrape time (from the database), rendered next to the registry's own. */
export interface GaugeSample {
  labels?: Labels;
  value: number;
}

export function renderGauge(name: string, help: string, samples: GaugeSample[]): string {
  const lines = [`# HELP ${name} ${escapeHelp(help)}`, `# TYPE ${name} gauge`];
  for (const s of samples) lines.push(`${name}${labelText(s.labels ?? {})} ${num(s.value)}`);
  return lines.join("\n") + "\n";
}

function labelKey(labels: Labels): string {
  return JSON.stringify(Object.entries(labels).sort(([a], [b]) => a.localeCompare(b)));
}

function labelText(labels: Labels): string {
  const entries = Object.entries(labels);
  if (!entries.length) return "";
  return `{${entries.map(([k, v]) => `${k}="${v.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n")}"`).join(",")}}`;
}

function escapeHelp(help: string): string {
  return help.replace(/\\/g, "\\\\").replace(/\n/g, "\\n");
}

function num(n: number): string {
  if (Number.isNaN(n)) return "NaN";
  if (n === Infinity) return "+Inf";
  if (n === -Infinity) return "-Inf";
  return String(n);
}

const holder = globalThis as typeof globalThis & { __dailiesMetrics?: Registry };

/** This process's registry. */
export function metrics(): Registry {
  holder.__dailiesMetrics ??= new Registry();
  return holder.__dailiesMetrics;
}
