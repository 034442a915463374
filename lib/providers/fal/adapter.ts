/**
 * fal.ai through its queue API on the provider kit: submit → status (polled or webhook) →
 * result → CDN download. Base URLs and keys come from fal's settings slice so tests can
 * point everything at e2e/fakes/fal.ts.
 */
import "server-only";
import { openOutput } from "../kit/download";
import { ProviderError } from "../kit/errors";
import { isRecord, str } from "../kit/json";
import { mapStatus, type StatusTable } from "../kit/status";
import type { ProviderJob, ProviderJobRef, ProviderUpdate, SubmitContext, Submitted, VideoProvider } from "../types";
import { falQueue, falRest, falSettings } from "./client";
import { falConfig } from "./config";
import { isFalErrorBody, SERVICE } from "./errors";
import { imageUrlFor } from "./image-upload";
import { buildFalRequest, falModelFor } from "./input";
import { falModels } from "./models";
import { progressFromLogs, videoUrlOf } from "./result";
import { assertEndpoint, resolveQueueUrls, type FalQueueUrls } from "./urls";
import { verifyFalWebhook } from "./webhook";

/** How long fal keeps the output on its CDN: long enough to survive a worker outage. */
const OUTPUT_TTL_SECONDS = 86_400;

const STATUSES: StatusTable = { in_queue: "queued", in_progress: "running", completed: "succeeded" };

async function submit(job: ProviderJob, ctx: SubmitContext): Promise<Submitted> {
  const model = falModelFor(job);
  const { endpoint, input } = buildFalRequest(job, model, ctx.image ? "image" : "text");
  assertEndpoint(endpoint);
  if (ctx.image) input[model.fal.imageField] = await imageUrlFor(ctx.image, model, job.id.replace(/[^\w-]/g, "_"));

  const { body } = await falQueue.json("POST", `/${endpoint}`, {
    what: "request to create a video",
    json: input,
    query: { fal_webhook: ctx.webhookUrl },
    headers: {
      "x-fal-queue-priority": "normal",
      "x-fal-object-lifecycle-preference": JSON.stringify({ expiration_duration_seconds: OUTPUT_TTL_SECONDS }),
    },
  });
  const requestId = isRecord(body) ? str(body.request_id) : null;
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
  const what = "status request";
  const res = await falQueue.raw("GET", urls.statusUrl, { what, query: { logs: 1 } });
  if (res.status === 404) {
    await res.body?.cancel();
    throw new ProviderError("provider_error", "fal no longer knows this request; it may have been purged.", { retryable: false, httpStatus: 404 });
  }
  if (!res.ok) throw await falQueue.failure(res, what);
  const body = await falQueue.read(res, what);
  const status = mapStatus(SERVICE, isRecord(body) ? body.status : undefined, STATUSES);
  if (status === "succeeded") return readResult(urls.responseUrl); // COMPLETED also covers failures: only the result tells which.
  const progress = status === "running" ? progressFromLogs(isRecord(body) ? body.logs : undefined) : undefined;
  return progress === undefined ? { status, raw: body } : { status, progress, raw: body };
}

async function readResult(responseUrl: string): Promise<ProviderUpdate> {
  const what = "result request";
  const res = await falQueue.raw("GET", responseUrl, { what });
  const body = await falQueue.read(res, what);
  if (res.ok) {
    const outputUrl = videoUrlOf(body);
    if (outputUrl) return { status: "succeeded", outputUrl, raw: body };
    return { status: "failed", errorCode: "provider_error", message: "fal finished without returning a video.", raw: body };
  }
  const failure = falQueue.classify({ status: res.status, headers: res.headers, body }, what);
  const fromFal = isFalErrorBody(body, res.headers);
  // These say nothing about the job itself: try again later rather than fail it.
  const aboutTheCall =
    failure.code === "rate_limited" ||
    (failure.code === "provider_error" && (res.status === 401 || res.status === 403)) ||
    (res.status >= 500 && !fromFal);
  if (aboutTheCall) throw failure;
  if (res.status === 404 && !fromFal) {
    return { status: "failed", errorCode: "provider_error", message: "fal no longer has the result of this job.", raw: body };
  }
  return { status: "failed", errorCode: failure.code, message: failure.message, raw: body };
}

async function cancel(ref: ProviderJobRef): Promise<void> {
  const res = await falQueue.raw("PUT", queueUrls(ref).cancelUrl, { what: "cancel request" });
  // ALREADY_COMPLETED / NOT_FOUND (400/404/409): there is nothing left to stop.
  if (res.ok || res.status === 400 || res.status === 404 || res.status === 409) {
    await res.body?.cancel();
    return;
  }
  throw await falQueue.failure(res, "cancel request");
}

function fetchOutput(_ref: ProviderJobRef, update: ProviderUpdate, signal: AbortSignal): Promise<Response> {
  // A public CDN link: no key, so it cannot leak to whatever host fal put in the URL.
  return openOutput(update.outputUrl ?? "", {
    service: "fal's CDN",
    signal,
    trustedBaseUrl: falSettings().FAL_QUEUE_URL,
    expiredMessage: "The finished video expired on fal before it could be copied. Run the job again.",
  });
}

/**
 * fal lists no account or models call in our notes; starting a storage upload is the cheapest
 * authenticated one they document. [U] that an initiated upload with no PUT stores and bills nothing.
 */
async function testConnection(): Promise<void> {
  await falRest.json("POST", "/storage/upload/initiate", {
    what: "connection test",
    query: { storage_type: "fal-cdn-v3" },
    json: { content_type: "text/plain", file_name: "dailies-connection-test.txt" },
  });
}

export const falProvider: VideoProvider = {
  id: "fal",
  label: "fal",
  config: { schema: falConfig },
  models: falModels,
  isConfigured: () => falQueue.hasKey(),
  configureHint: "Add FAL_KEY to enable fal models.",
  callbacks: "public",
  submit,
  poll,
  cancel,
  verifyWebhook: ({ rawBody, headers }) => verifyFalWebhook(rawBody, headers),
  fetchOutput,
  testConnection,
};
