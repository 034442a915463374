/** Skytells' wire shapes for the fake: prediction objects from a clocked job, error bodies, signed webhook bodies. */
import { createHmac } from "node:crypto";
import type http from "node:http";
import { phaseOf, type ClockedJob } from "./kit/clock";
import { sendJson } from "./kit/http";
import type { Markers } from "./kit/markers";

export interface SkytellsFakeJob {
  clock: ClockedJob;
  model: string;
  input: Record<string, unknown>;
  webhook: { url: string; events: string[] } | null;
  markers: Markers;
  /** Webhook events already queued for delivery. */
  sent: Set<string>;
  /** Where its video is served (on the fake's MediaShelf). */
  mediaPath: string;
  outputExpiresAt: number;
  /** Why it fails when its clock runs out (null: it succeeds). */
  failure: string | null;
  /** The last signed delivery the fake made or was asked to make, for replays. */
  lastDelivery: { body: string; headers: Record<string, string> } | null;
}

export const GENERIC_FAILURE = "Inference failed: the GPU worker ran out of memory";
export const MODERATION_FAILURE = "Output blocked by the content moderation system";

/** The documented envelope `{status:false, response, error:{http_status, message, details, error_id}}`. */
export function sendEnvelope(res: http.ServerResponse, status: number, errorId: string, message: string, details = "", headers: Record<string, string> = {}): void {
  sendJson(res, status, { status: false, response: message, error: { http_status: status, message, details, error_id: errorId } }, headers);
}

/** The flat form `{error_id, message}` (the 429 body per the Dec 2026 notes). */
export function sendFlat(res: http.ServerResponse, status: number, errorId: string, message: string, headers: Record<string, string> = {}): void {
  sendJson(res, status, { error_id: errorId, message }, headers);
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function statusText(job: SkytellsFakeJob, now: number): { status: string; progress: number } {
  const { phase, progress } = phaseOf(job.clock, now);
  if (phase === "queued") return { status: now - job.clock.createdAt < job.clock.timings.queuedMs / 2 ? "pending" : "starting", progress: 0 };
  if (phase === "running") return { status: "processing", progress };
  // The SDK's spelling; the docs also use "canceled".
  return { status: phase === "canceled" ? "cancelled" : phase, progress: phase === "succeeded" ? 1 : progress };
}

export function predictionJson(job: SkytellsFakeJob, origin: string, now = Date.now()): Record<string, unknown> {
  const { status, progress } = statusText(job, now);
  const { phase, completedAt } = phaseOf(job.clock, now);
  const id = job.clock.id;
  const url = `${origin}${job.mediaPath}`;
  const succeeded = phase === "succeeded";
  const outputShape = job.markers.get("output");
  const output = !succeeded || outputShape === "files" ? null : outputShape === "string" ? url : [url];
  const startedAt = phase === "queued" ? null : job.clock.createdAt + job.clock.timings.queuedMs;
  const seconds = typeof job.input.duration_seconds === "number" ? job.input.duration_seconds : 5;
  const base = `${origin}/v1/predictions/${id}`;
  return {
    id,
    status,
    type: "inference",
    stream: false,
    input: job.input,
    output,
    response: succeeded ? "Prediction completed successfully" : null,
    error: phase === "failed" ? job.failure : null,
    created_at: iso(job.clock.createdAt),
    started_at: iso(startedAt),
    completed_at: iso(completedAt),
    updated_at: iso(now),
    privacy: "private",
    source: "api",
    model: { name: job.model, type: "video" },
    webhook: job.webhook,
    metrics: {
      predict_time: startedAt === null ? 0 : ((completedAt ?? now) - startedAt) / 1000,
      total_time: ((completedAt ?? now) - job.clock.createdAt) / 1000,
      progress: Math.round(progress * 100),
      asset_count: succeeded ? 1 : 0,
    },
    metadata: {
      billing: { credits_used: succeeded ? seconds * 10 : 0 },
      storage: { files: succeeded ? [{ name: `${id}.mp4`, type: "video/mp4", size: 0, url }] : [] },
      data_available: succeeded && now <= job.outputExpiresAt,
    },
    urls: { get: base, cancel: `${base}/cancel`, stream: `${base}/stream`, delete: `${base}/delete` },
  };
}

/** The webhook event a state is announced with: short names (bare body) or learn.skytells.ai's `prediction.*` (envelope). */
export function eventName(status: string, shape: "bare" | "envelope"): string {
  const short = status === "succeeded" ? "completed" : status === "cancelled" ? "canceled" : status === "processing" ? "started" : status;
  if (shape === "bare") return short;
  return `prediction.${status === "processing" ? "started" : status}`;
}

export interface WebhookVariant {
  shape?: "bare" | "envelope";
  /** Changes the body after signing. */
  tamper?: boolean;
  /** Sign with this key instead of the fake's. */
  key?: string;
}

export function signedWebhook(prediction: Record<string, unknown>, key: string, v: WebhookVariant = {}): { body: string; headers: Record<string, string> } {
  const shape = v.shape ?? "bare";
  const message: Record<string, unknown> =
    shape === "envelope" ? { type: eventName(String(prediction.status), "envelope"), created_at: prediction.updated_at, data: prediction } : prediction;
  const body = JSON.stringify(message);
  const signature = createHmac("sha256", v.key ?? key).update(body).digest("hex");
  return { body: v.tamper ? JSON.stringify({ ...message, tampered: true }) : body, headers: { "x-skytells-signature": signature } };
}
