/**
 * The fake ModelsLab's jobs and the bodies it answers with, per /work/shared/providers/modelslab.md:
 * one `VideoResponse` shape for create, fetch and webhooks; `processing` with a falling `eta`,
 * then `success` with `output[]`, or `failed`/`error` with `message` (v6 spells it `messege`).
 */
import { newClockedJob, phaseOf, type ClockedJob, type FakeTimings } from "./kit/clock";
import type { Markers } from "./kit/markers";

export type FakeApi = "v6" | "v7";

export interface ModelslabFakeJob {
  id: number;
  api: FakeApi;
  route: string;
  body: Record<string, unknown>;
  markers: Markers;
  clock: ClockedJob;
  webhook: string | null;
  trackId: string | null;
  outputPath: string;
  /** Why the job fails regardless of markers (the input image could not be fetched). */
  failure: string | null;
}

export const SAFETY_TEXT = "Your request was flagged by our NSFW content policy filter and was not processed.";
export const FAIL_TEXT = "Generation failed: the model server ran out of memory.";
export const CREDIT_TEXT = "Insufficient credits. Please top up your wallet to continue.";

/** The fake's durations per model, so an out-of-range `duration` gets ModelsLab's field-error answer. */
export const V7_DURATIONS: Readonly<Record<string, readonly string[]>> = {
  "veo-3.1": ["4", "6", "8"],
  "veo-3.1-fast": ["4", "6", "8"],
  "veo-3.0-fast-generate": ["8"],
  "sora-2": ["4", "8", "12"],
  "wan2.6-t2v": ["5", "10"],
  "wan2.6-i2v": ["5", "10"],
  "wan2.5-t2v": ["5"],
  "wan2.5-i2v": ["5"],
  "kling-v2-1-master-i2v": ["5", "10"],
  "Kling-V2-5-Turbo-i2v": ["5", "10"],
  "kling-v1-6": ["5", "10"],
  "Hailuo-2.3-i2v": ["6", "10"],
};

export function newFakeJob(
  id: number,
  api: FakeApi,
  route: string,
  body: Record<string, unknown>,
  markers: Markers,
  timings: FakeTimings,
  opts: { slowMs: number; failure: string | null },
  now = Date.now(),
): ModelslabFakeJob {
  const slow = markers.has("slow") ? { ...timings, runningMs: opts.slowMs } : timings;
  const outcome = opts.failure || markers.has("fail") || markers.get("safety") === "late" ? "failed" : "succeeded";
  // One clock reading for the job and its create answer: an instant job must read as done in that answer.
  const clock = newClockedJob(String(id), slow, outcome, now);
  // An instant job was already finished when create answered.
  if (markers.has("instant")) clock.createdAt -= slow.queuedMs + slow.runningMs;
  return {
    id,
    api,
    route,
    body,
    markers,
    clock,
    webhook: typeof body.webhook === "string" ? body.webhook : null,
    trackId: typeof body.track_id === "string" ? body.track_id : null,
    outputPath: `/out/${id}.mp4`,
    failure: opts.failure,
  };
}

export function isDone(job: ModelslabFakeJob, now = Date.now()): boolean {
  const { phase } = phaseOf(job.clock, now);
  return phase === "succeeded" || phase === "failed";
}

export function doneAt(job: ModelslabFakeJob): number {
  return job.clock.createdAt + job.clock.timings.queuedMs + job.clock.timings.runningMs;
}

const messageField = (api: FakeApi) => (api === "v6" ? "messege" : "message");

/** The error body: v6 legacy routes misspell `message`. */
export function errorBody(api: FakeApi, message: unknown, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { status: "error", [messageField(api)]: message, ...extra };
}

/** What create, fetch and a webhook say about a job right now. */
export function jobBody(job: ModelslabFakeJob, origin: string, now = Date.now(), forWebhook = false): Record<string, unknown> {
  const { phase } = phaseOf(job.clock, now);
  const base = { id: job.id, ...(forWebhook && job.trackId ? { track_id: job.trackId } : {}) };
  const url = `${origin}${job.outputPath}`;
  if (phase === "succeeded") {
    const generationTime = Math.round(job.clock.timings.runningMs / 100) / 10;
    return { status: "success", ...base, output: [url], proxy_links: [url], generationTime, meta: { model_id: job.body.model_id, prompt: job.body.prompt } };
  }
  if (phase === "failed") {
    const reason = job.failure ?? (job.markers.get("safety") === "late" ? SAFETY_TEXT : FAIL_TEXT);
    return { status: job.markers.get("fail") === "error" ? "error" : "failed", ...base, [messageField(job.api)]: reason };
  }
  const fetchPath = job.api === "v6" ? `/api/v6/video/fetch/${job.id}` : `/api/v7/video-fusion/fetch/${job.id}`;
  return {
    status: "processing",
    ...base,
    eta: Math.max(1, Math.ceil((doneAt(job) - now) / 1000)),
    message: "Request processing",
    tip: "Your request is queued; fetch the result with the fetch_result URL.",
    fetch_result: `${origin}${fetchPath}`,
    future_links: [url],
  };
}

/** The webhook body the notes document: success with output and track_id, or failed with message. */
export function webhookBody(job: ModelslabFakeJob, variant: "current" | "success" | "failed", origin: string): Record<string, unknown> {
  if (variant === "current") return jobBody(job, origin, Date.now(), true);
  const track = job.trackId ? { track_id: job.trackId } : {};
  if (variant === "success") return { status: "success", id: job.id, output: [`${origin}${job.outputPath}`], generationTime: 1.2, ...track, meta: {} };
  return { status: "failed", id: job.id, message: FAIL_TEXT, ...track };
}
