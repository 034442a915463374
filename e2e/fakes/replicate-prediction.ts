/**
 * A fake Replicate prediction: its scripted clock and its JSON view. Status is a function
 * of time since creation (starting → processing → final), so a test never has to drive it.
 */
import { markersIn, type Markers } from "./kit/markers";

/**
 * Prompt markers, e.g. "a cat [fake:safety]" (the common vocabulary of e2e/fakes/kit, plus
 * `[fake:429]`, an older spelling of `[fake:ratelimit=1]`). Several may be combined.
 */
export const FAKE_MARKERS = ["ratelimit", "429", "outage", "quota", "safety", "invalid", "fail", "expired", "html", "slow", "nowebhook", "hold"] as const;
export type FakeMarker = (typeof FAKE_MARKERS)[number];

export const SAFETY_ERROR = "Output flagged as sensitive (E005)";
export const GENERIC_ERROR = "Prediction failed: CUDA error: an illegal memory access was encountered";

const TERMINAL = new Set(["succeeded", "failed", "canceled", "aborted"]);

export { markersIn };

export interface FakeTimings {
  startingMs: number;
  processingMs: number;
  /** How long `[fake:slow]` stays processing when nobody cancels it (default 60 s). */
  slowMs: number;
}

export interface FakePrediction {
  id: string;
  model: string;
  input: Record<string, unknown>;
  webhook: string | null;
  /** null: Replicate's default (output + completed). */
  webhookEventsFilter: string[] | null;
  markers: Markers;
  createdAt: number;
  /** From the `Cancel-After` header. */
  cancelAfterMs: number | null;
  status: "starting" | "processing" | "succeeded" | "failed" | "canceled" | "aborted";
  startedAt: number | null;
  completedAt: number | null;
  error: string | null;
  dataRemoved: boolean;
  cancelRequested: boolean;
  /** Webhook events already delivered (or being delivered). */
  sentEvents: Set<string>;
}

export function isTerminal(p: FakePrediction): boolean {
  return TERMINAL.has(p.status);
}

/** Moves the prediction along its script up to `now`. Monotonic: never goes back. */
export function advance(p: FakePrediction, timings: FakeTimings, outputTtlMs: number, now: number): void {
  const startAt = p.createdAt + timings.startingMs;
  const endAt = startAt + processingMsOf(p, timings);
  const deadline = p.cancelAfterMs === null ? Infinity : p.createdAt + p.cancelAfterMs;

  if (p.status === "starting") {
    if (deadline <= Math.min(now, startAt)) finish(p, "aborted", deadline);
    else if (now >= startAt) {
      p.status = "processing";
      p.startedAt = startAt;
    }
  }
  if (p.status === "processing") {
    if (deadline <= Math.min(now, endAt)) finish(p, "canceled", deadline);
    else if (now >= endAt) finishNow(p, endAt);
  }
  if (p.status === "succeeded" && p.completedAt !== null && now >= p.completedAt + outputTtlMs) p.dataRemoved = true;
}

/** A cancel request: like Replicate, only a running or queued prediction changes. */
export function cancel(p: FakePrediction, now: number): void {
  p.cancelRequested = true;
  if (!isTerminal(p)) finish(p, "canceled", now);
}

/** Ends a processing prediction at `at` as its markers say (succeeded unless told otherwise); false when it was not processing. */
export function finishNow(p: FakePrediction, at: number): boolean {
  if (p.status !== "processing") return false;
  if (p.markers.has("safety")) finish(p, "failed", at, SAFETY_ERROR);
  else if (p.markers.has("fail")) finish(p, "failed", at, GENERIC_ERROR);
  else finish(p, "succeeded", at);
  return true;
}

function finish(p: FakePrediction, status: FakePrediction["status"], at: number, error: string | null = null): void {
  p.status = status;
  p.completedAt = at;
  p.error = error;
}

const processingMsOf = (p: FakePrediction, timings: FakeTimings) => (p.markers.has("slow") ? timings.slowMs : timings.processingMs);

/** tqdm-style lines, one per percent done (the last one is the freshest), as video models print them. */
function logsOf(p: FakePrediction, timings: FakeTimings, now: number): string {
  if (p.startedAt === null) return "";
  const total = processingMsOf(p, timings);
  const until = p.status === "succeeded" ? p.startedAt + total : (p.completedAt ?? now);
  const pct = Math.max(0, Math.min(100, Math.floor(((until - p.startedAt) / total) * 100)));
  const bar = (k: number) => `${String(k).padStart(3)}%|${"█".repeat(Math.floor(k / 10))}${" ".repeat(10 - Math.floor(k / 10))}| ${k}/100 [00:00<00:00, 1.00it/s]`;
  const lines = ["Loading pipeline...", "Generating video"];
  for (let k = 0; k < pct; k += 10) lines.push(bar(k));
  lines.push(bar(pct));
  return lines.join("\n");
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** The prediction as Replicate returns it from create, GET and webhooks. */
export function predictionJson(p: FakePrediction, apiBase: string, origin: string, timings: FakeTimings, now: number) {
  const url = `${origin}/files/${p.id}.mp4`;
  // Older models (LTX) answer an array of URLs; video models a single string.
  const output = p.status !== "succeeded" ? null : p.model.startsWith("lightricks/") ? [url] : url;
  const done = p.completedAt !== null;
  return {
    id: p.id,
    model: p.model,
    version: "fake0000000000000000000000000000000000000000000000000000000000",
    input: p.input,
    logs: logsOf(p, timings, now),
    output,
    error: p.error,
    status: p.status,
    data_removed: p.dataRemoved,
    source: "api",
    created_at: iso(p.createdAt),
    started_at: iso(p.startedAt),
    completed_at: iso(p.completedAt),
    metrics:
      done && p.startedAt !== null && p.completedAt !== null
        ? { predict_time: (p.completedAt - p.startedAt) / 1000, total_time: (p.completedAt - p.createdAt) / 1000 }
        : {},
    urls: {
      get: `${apiBase}/predictions/${p.id}`,
      cancel: `${apiBase}/predictions/${p.id}/cancel`,
      stream: `${origin}/stream/${p.id}`,
      web: `https://replicate.com/p/${p.id}`,
    },
  };
}

/** Replicate duration syntax: "3540s", "1m", "1h30m", "500ms". */
export function parseDuration(value: string | undefined): number | null {
  if (!value) return null;
  let ms = 0;
  let matched = "";
  for (const m of value.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)) {
    const n = Number(m[1]);
    ms += m[2] === "h" ? n * 3_600_000 : m[2] === "m" ? n * 60_000 : m[2] === "s" ? n * 1000 : n;
    matched += m[0];
  }
  return matched === value.trim() && matched ? ms : null;
}
