/**
 * fal.ai through its queue API with plain fetch: submit → status (polled or webhook) →
 * result → CDN download. Base URLs and keys come from lib/env.ts so tests can point
 * everything at e2e/fakes/fal.ts.
 */
import "server-only";
import { env } from "../../env";
import { fetchWithTimeout } from "../../http/fetch-with-timeout";
import type { ProviderJob, ProviderJobRef, ProviderUpdate, SubmitContext, Submitted, VideoProvider } from "../types";
import { ProviderError } from "../provider-error";
import { failureFromResponse, isFalErrorBody, providerErrorFromResponse, toProviderError } from "./errors";
import { falFetch, isRecord, readJson } from "./http";
import { imageUrlFor } from "./image-upload";
import { buildFalRequest, falModelFor } from "./input";
import { falModels } from "./models";
import { progressFromLogs, videoUrlOf } from "./result";
import { resolveQueueUrls, submitUrl, type FalQueueUrls } from "./urls";
import { verifyFalWebhook } from "./webhook";

/** How long fal keeps the output on its CDN: long enough to survive a worker outage. */
const OUTPUT_TTL_SECONDS = 86_400;

async function submit(job: ProviderJob, ctx: SubmitContext): Promise<Submitted> {
  const model = falModelFor(job);
  const { endpoint, input } = buildFalRequest(job, model, ctx.image ? "image" : "text");
  if (ctx.image) input[model.fal.imageField] = await imageUrlFor(ctx.image, model, job.id.replace(/[^\w-]/g, "_"));

  const res = await falFetch(submitUrl(endpoint, ctx.webhookUrl), {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-fal-queue-priority": "normal",
      "x-fal-object-lifecycle-preference": JSON.stringify({ expiration_duration_seconds: OUTPUT_TTL_SECONDS }),
    },
    body: JSON.stringify(input),
  });
  if (!res.ok) throw await providerErrorFromResponse(res);
  const body = await readJson(res);
  const requestId = isRecord(body) && typeof body.request_id === "string" && body.request_id ? body.request_id : null;
  if (!requestId) {
    // fal may have queued (and will bill) it; a blind resubmit could pay twice.
    throw new ProviderError("provider_error", "fal accepted the job but did not say its request id.", { retryable: false, cause: body });
  }
  const urls = resolveQueueUrls(
    isRecord(body) ? { statusUrl: body.status_url, responseUrl: body.response_url, cancelUrl: body.cancel_url } : null,
    endpoint,
    requestId,
  );
  return { providerJobId: requestId, providerData: { endpoint, ...urls }, update: { status: "queued", raw: body } };
}

function queueUrls(ref: ProviderJobRef): FalQueueUrls {
  const endpoint = ref.providerData?.endpoint;
  if (typeof endpoint !== "string") {
    throw new ProviderError("internal", "This fal job was stored without its endpoint; it cannot be followed.", { retryable: false });
  }
  return resolveQueueUrls(ref.providerData, endpoint, ref.providerJobId);
}

async function poll(ref: ProviderJobRef): Promise<ProviderUpdate> {
  const urls = queueUrls(ref);
  const statusUrl = new URL(urls.statusUrl);
  statusUrl.searchParams.set("logs", "1");
  const res = await falFetch(statusUrl.toString(), { method: "GET" });
  if (res.status === 404) {
    await res.body?.cancel();
    throw new ProviderError("provider_error", "fal no longer knows this request; it may have been purged.", { retryable: false, httpStatus: 404 });
  }
  if (!res.ok) throw await providerErrorFromResponse(res);
  const body = await readJson(res);
  const status = isRecord(body) ? body.status : undefined;
  switch (status) {
    case "IN_QUEUE":
      return { status: "queued", raw: body };
    case "IN_PROGRESS": {
      const progress = progressFromLogs(isRecord(body) ? body.logs : undefined);
      return progress === undefined ? { status: "running", raw: body } : { status: "running", progress, raw: body };
    }
    case "COMPLETED":
      // COMPLETED also covers failures: only the result tells which.
      return readResult(urls.responseUrl);
    default:
      console.warn("fal: unknown queue status, treating as running", status);
      return { status: "running", raw: body };
  }
}

async function readResult(responseUrl: string): Promise<ProviderUpdate> {
  const res = await falFetch(responseUrl, { method: "GET" });
  if (res.ok) {
    const output = await readJson(res);
    const outputUrl = videoUrlOf(output);
    if (outputUrl) return { status: "succeeded", outputUrl, raw: output };
    return { status: "failed", errorCode: "provider_error", message: "fal finished without returning a video.", raw: output };
  }
  const { failure, body } = await failureFromResponse(res);
  // These say nothing about the job itself: try again later rather than fail it.
  const aboutTheCall =
    failure.code === "rate_limited" ||
    (failure.code === "provider_error" && (res.status === 401 || res.status === 403)) ||
    (res.status >= 500 && !isFalErrorBody(body, res.headers));
  if (aboutTheCall) throw toProviderError(failure, body);
  if (res.status === 404 && !isFalErrorBody(body, res.headers)) {
    return { status: "failed", errorCode: "provider_error", message: "fal no longer has the result of this job.", raw: body };
  }
  return { status: "failed", errorCode: failure.code, message: failure.message, raw: body };
}

async function cancel(ref: ProviderJobRef): Promise<void> {
  const res = await falFetch(queueUrls(ref).cancelUrl, { method: "PUT" });
  if (res.ok) {
    await res.body?.cancel();
    return;
  }
  // ALREADY_COMPLETED / NOT_FOUND: there is nothing left to stop.
  if (res.status === 400 || res.status === 404 || res.status === 409) {
    await res.body?.cancel();
    return;
  }
  throw await providerErrorFromResponse(res);
}

async function fetchOutput(_ref: ProviderJobRef, update: ProviderUpdate, signal: AbortSignal): Promise<Response> {
  const url = videoUrlOf({ video: { url: update.outputUrl } });
  if (!url) throw new ProviderError("internal", "This fal job has no output URL to download.", { retryable: false });
  const e = env();
  // A public CDN link: no key, so it cannot leak to whatever host fal put in the URL.
  const res = await fetchWithTimeout("fal's CDN", url, {
    method: "GET",
    signal,
    timeoutMs: e.OUTPUT_DOWNLOAD_TIMEOUT_SECONDS * 1000,
  });
  const fail = async (error: ProviderError): Promise<never> => {
    await res.body?.cancel();
    throw error;
  };
  if (res.status === 403 || res.status === 404 || res.status === 410) {
    return fail(
      new ProviderError("output_expired", "The finished video expired on fal before it could be copied. Run the job again.", {
        retryable: false,
        httpStatus: res.status,
      }),
    );
  }
  if (res.status === 429 || res.status >= 500) {
    return fail(
      new ProviderError(res.status === 429 ? "rate_limited" : "provider_error", `fal's CDN answered HTTP ${res.status}; will retry.`, {
        retryable: true,
        httpStatus: res.status,
      }),
    );
  }
  if (!res.ok) {
    return fail(new ProviderError("provider_error", `fal's CDN answered HTTP ${res.status}.`, { retryable: false, httpStatus: res.status }));
  }
  const type = res.headers.get("content-type") ?? "";
  if (/^text\/html|^application\/json/i.test(type)) {
    return fail(new ProviderError("provider_error", "fal's CDN sent a web page instead of the video.", { retryable: false }));
  }
  const length = Number(res.headers.get("content-length"));
  if (Number.isFinite(length) && length > e.MAX_OUTPUT_MB * 1024 * 1024) {
    return fail(new ProviderError("provider_error", `The video is larger than the ${e.MAX_OUTPUT_MB} MB limit.`, { retryable: false }));
  }
  return res;
}

export const falProvider: VideoProvider = {
  id: "fal",
  label: "fal",
  models: falModels,
  isConfigured: () => Boolean(env().FAL_KEY),
  configureHint: "Add FAL_KEY to enable fal models.",
  callbacks: "public",
  submit,
  poll,
  cancel,
  verifyWebhook: ({ rawBody, headers }) => verifyFalWebhook(rawBody, headers),
  fetchOutput,
};
