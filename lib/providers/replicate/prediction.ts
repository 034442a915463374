/** Replicate's prediction object (create answer, GET, webhook body) and its meaning for a job. */
import "server-only";
import { isRecord, str } from "../kit/json";
import { mapStatus, type StatusTable } from "../kit/status";
import type { ProviderUpdate } from "../types";
import { SERVICE } from "./client";
import { classifyPredictionError } from "./errors";
import { progressFromLogs } from "./progress";

export interface ReplicatePrediction {
  id: string;
  model?: string;
  version?: string;
  status: string;
  input?: Record<string, unknown>;
  output?: unknown;
  logs?: string | null;
  error?: unknown;
  data_removed?: boolean;
  created_at?: string | null;
  started_at?: string | null;
  completed_at?: string | null;
  metrics?: Record<string, unknown>;
  urls?: Record<string, string>;
}

export function isPrediction(value: unknown): value is ReplicatePrediction {
  return isRecord(value) && !!str(value.id) && typeof value.status === "string";
}

/** The video URL: video models answer a string, older ones an array of strings. */
export function outputUrlOf(output: unknown): string | undefined {
  if (typeof output === "string" && output) return output;
  if (Array.isArray(output)) return output.find((o): o is string => typeof o === "string" && o.length > 0);
  return undefined;
}

const STATUSES: StatusTable = {
  starting: "queued",
  processing: "running",
  succeeded: "succeeded",
  failed: "failed",
  canceled: "canceled",
  // Cancel-After passed before the model started.
  aborted: "failed",
};

/**
 * `canceledByUs`: a canceled prediction is our doing (user cancel, deadline) or else the
 * provider's, which the job should record as canceled_by_provider.
 */
export function toUpdate(p: ReplicatePrediction, canceledByUs: boolean): ProviderUpdate {
  const raw = compactRaw(p);
  const status = mapStatus(SERVICE, p.status, STATUSES);
  if (p.status === "aborted") {
    return { status, errorCode: "timeout", message: "Replicate did not start this video before its deadline. Try again, or pick a less busy model.", raw };
  }
  switch (status) {
    case "running": {
      const progress = progressFromLogs(p.logs);
      return progress === undefined ? { status, raw } : { status, progress, raw };
    }
    case "succeeded": {
      const outputUrl = outputUrlOf(p.output);
      if (!outputUrl) return { status: "failed", errorCode: "provider_error", message: "Replicate finished without returning a video.", raw };
      return { status, progress: 1, outputUrl, raw };
    }
    case "failed":
      return { status, ...classifyPredictionError(p.error), raw };
    case "canceled":
      return canceledByUs ? { status, raw } : { status, errorCode: "canceled_by_provider", message: "Replicate canceled this video.", raw };
    default:
      return { status, raw };
  }
}

const MAX_RAW_LOG_CHARS = 2000;

/**
 * What we keep as `raw`: the prediction minus bulk. It may be stored with the job, and the
 * echoed input can hold a megabyte data URI while logs grow with every step.
 */
function compactRaw(p: ReplicatePrediction): ReplicatePrediction {
  const input = p.input
    ? Object.fromEntries(
        Object.entries(p.input).map(([k, v]) => [k, typeof v === "string" && v.startsWith("data:") ? "data:(omitted)" : v]),
      )
    : p.input;
  const logs = typeof p.logs === "string" && p.logs.length > MAX_RAW_LOG_CHARS ? p.logs.slice(-MAX_RAW_LOG_CHARS) : p.logs;
  return { ...p, input, logs };
}
