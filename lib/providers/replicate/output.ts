/**
 * Opening a finished video. Replicate serves outputs from a public CDN without auth and
 * deletes them an hour after the prediction completes, so an old or removed output fails
 * as output_expired without a request; the rest is the kit's one download mapping.
 */
import "server-only";
import { openOutput } from "../kit/download";
import { ProviderError } from "../kit/errors";
import type { ProviderUpdate } from "../types";
import { replicateSettings } from "./client";
import { isPrediction, outputUrlOf } from "./prediction";

export const OUTPUT_RETENTION_MS = 60 * 60 * 1000;
const EXPIRED = "Replicate deleted this video before Dailies could copy it (outputs are kept for 1 hour). Run the job again.";

export async function fetchReplicateOutput(update: ProviderUpdate, signal: AbortSignal, now = Date.now()): Promise<Response> {
  const prediction = isPrediction(update.raw) ? update.raw : null;
  const completedAt = prediction?.completed_at ? Date.parse(prediction.completed_at) : Number.NaN;
  if (prediction?.data_removed === true || (Number.isFinite(completedAt) && now - completedAt > OUTPUT_RETENTION_MS)) {
    throw new ProviderError("output_expired", EXPIRED, { retryable: false });
  }
  const url = update.outputUrl ?? outputUrlOf(prediction?.output) ?? "";
  return openOutput(url, { service: "Replicate's file server", signal, trustedBaseUrl: replicateSettings().REPLICATE_BASE_URL, expiredMessage: EXPIRED });
}
