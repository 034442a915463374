/**
 * Opening a finished video. Replicate serves outputs from a public CDN without auth, and
 * deletes them an hour after the prediction completes, so an old or removed output fails
 * as output_expired without a request.
 */
import "server-only";
import { env } from "../../env";
import { fetchWithTimeout } from "../../http/fetch-with-timeout";
import { ProviderError } from "../provider-error";
import type { ProviderUpdate } from "../types";
import { SERVICE, providerTimeoutMs } from "./client";
import { isPrediction, outputUrlOf } from "./prediction";

export const OUTPUT_RETENTION_MS = 60 * 60 * 1000;

function expired(httpStatus: number | null = null): ProviderError {
  return new ProviderError(
    "output_expired",
    "Replicate deleted this video before we could copy it (outputs are kept for 1 hour).",
    { retryable: false, httpStatus },
  );
}

export async function fetchReplicateOutput(update: ProviderUpdate, signal: AbortSignal, now = Date.now()): Promise<Response> {
  const prediction = isPrediction(update.raw) ? update.raw : null;
  if (prediction?.data_removed === true) throw expired();
  const completedAt = prediction?.completed_at ? Date.parse(prediction.completed_at) : Number.NaN;
  if (Number.isFinite(completedAt) && now - completedAt > OUTPUT_RETENTION_MS) throw expired();

  const url = update.outputUrl ?? outputUrlOf(prediction?.output);
  if (!url || !/^https?:\/\//.test(url)) {
    throw new ProviderError("provider_error", "Replicate reported success but gave no video URL.", { retryable: false });
  }

  const res = await openWithHeaderTimeout(url, signal);
  if (res.ok) return res;
  await res.body?.cancel().catch(() => undefined);
  if (res.status === 404 || res.status === 410 || res.status === 403) throw expired(res.status);
  if (res.status >= 500 || res.status === 429) {
    throw new ProviderError("provider_error", `Replicate's file server answered HTTP ${res.status}; we will try again.`, {
      retryable: true,
      httpStatus: res.status,
    });
  }
  throw new ProviderError("provider_error", `Replicate's file server answered HTTP ${res.status} for this video.`, {
    retryable: false,
    httpStatus: res.status,
  });
}

/**
 * The response headers must come within PROVIDER_TIMEOUT_SECONDS; the body then streams under
 * the caller's signal. fetchWithTimeout's own limit stays attached to the body, so it gets the
 * whole download budget rather than the short provider timeout.
 */
async function openWithHeaderTimeout(url: string, signal: AbortSignal): Promise<Response> {
  const headerPhase = new AbortController();
  const timeoutMs = providerTimeoutMs();
  const timer = setTimeout(() => headerPhase.abort(), timeoutMs);
  try {
    return await fetchWithTimeout(SERVICE, url, {
      method: "GET",
      signal: AbortSignal.any([signal, headerPhase.signal]),
      timeoutMs: env().OUTPUT_DOWNLOAD_TIMEOUT_SECONDS * 1000,
    });
  } catch (err) {
    if (headerPhase.signal.aborted && !signal.aborted) {
      throw new ProviderError("timeout", `Replicate's file server did not answer within ${Math.round(timeoutMs / 1000)} s.`, {
        retryable: true,
        cause: err,
      });
    }
    throw err;
  } finally {
    clearTimeout(timer);
  }
}
