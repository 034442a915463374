/**
 * AI.ML (api.ai.ml) by polling: create a task with the parameters as inline `--flags`, poll it,
 * then the two-step download: the task's `videoUrl` is a backend path that an authorised call
 * turns into a short-lived presigned link, fetched without the key. The link is asked for just
 * before the download, and asked for once more when it has already expired.
 */
import "server-only";
import { createClient } from "../kit/client";
import { openOutput } from "../kit/download";
import { ProviderError } from "../kit/errors";
import { requireImageUrl } from "../kit/image";
import { at, httpUrl, str } from "../kit/json";
import { providerSettings } from "../kit/settings";
import { mapStatus } from "../kit/status";
import type { ProviderJob, ProviderJobRef, ProviderUpdate, SubmitContext, Submitted, VideoProvider } from "../types";
import { aimlConfig } from "./config";
import { aimlErrors, failedTask } from "./errors";
import { aimlModels, findAimlModel } from "./models";
import { promptText } from "./prompt-text";

const SERVICE = "AI.ML";
const TASKS = "/v1/generation/tasks/video";
const settings = () => providerSettings(aimlConfig);

const client = createClient({
  service: SERVICE,
  baseUrl: () => settings().AIML_BASE_URL,
  auth: { kind: "bearer", token: () => settings().AIML_API_KEY },
  keyHint: "AIML_API_KEY",
  errors: aimlErrors,
});

const STATUSES = { queued: "queued", running: "running", succeeded: "succeeded", failed: "failed", canceled: "canceled", cancelled: "canceled" } as const;

async function submit(job: ProviderJob, ctx: SubmitContext): Promise<Submitted> {
  const model = findAimlModel(job.model.id);
  if (!model) throw new ProviderError("invalid_input", `AI.ML does not offer the model ${job.model.label}.`, { retryable: false });
  const content: Array<Record<string, unknown>> = [{ type: "text", text: promptText(job, model) }];
  // The text item comes first, then the image, as in the guide.
  if (ctx.image) content.push({ type: "image_url", image_url: { url: requireImageUrl(ctx, SERVICE) } });
  const { body } = await client.json("POST", TASKS, { what: "request to create a video", json: { model: model.providerModel, content } });
  const uuid = str(at(body, "data", "uuid"));
  if (!uuid) {
    // It may be queued (and billed) already; a blind resubmit could pay twice.
    throw new ProviderError("provider_error", "AI.ML accepted the video request but did not say its task id.", { retryable: false });
  }
  return { providerJobId: uuid, providerData: null, update: { status: "queued", raw: body } };
}

async function poll(ref: ProviderJobRef): Promise<ProviderUpdate> {
  const { body } = await client.json("GET", `${TASKS}/${encodeURIComponent(ref.providerJobId)}`, { what: "status check of a video" });
  const data = at(body, "data");
  const status = mapStatus(SERVICE, at(data, "status"), STATUSES);
  if (status === "failed") return failedTask(at(data, "error"), body);
  if (status === "canceled") return { status: "canceled", message: "AI.ML canceled this job before it finished. Try again.", raw: body };
  if (status !== "succeeded") return { status, raw: body };
  const videoUrl = str(at(data, "videoUrl"));
  // [U] `videoUrl` is documented as present on success; the guide's own loop keeps polling until it is, so do the same.
  if (!videoUrl) return { status: "running", raw: body };
  // A backend path on the API (or, rarely, already absolute): resolved to a download link only when the copy starts.
  return { status: "succeeded", outputUrl: /^https?:\/\//i.test(videoUrl) ? videoUrl : client.url(videoUrl), raw: body };
}

/** The authorised hop: backend media path → `{ url }`, a presigned link that needs no key. */
async function presignedUrl(backendUrl: string, signal: AbortSignal): Promise<string> {
  let body: unknown;
  try {
    ({ body } = await client.json("GET", backendUrl, { what: "request for the video's download link", signal }));
  } catch (err) {
    if (err instanceof ProviderError && (err.httpStatus === 404 || err.httpStatus === 410)) {
      throw new ProviderError("output_expired", "AI.ML no longer has this video (it was gone before Dailies could copy it). Run the job again.", {
        retryable: false,
        httpStatus: err.httpStatus,
        cause: err,
      });
    }
    throw err;
  }
  const url = httpUrl(at(body, "url"));
  if (!url) throw new ProviderError("provider_error", "AI.ML did not give a download link for the finished video.", { retryable: true });
  return url;
}

async function fetchOutput(_ref: ProviderJobRef, update: ProviderUpdate, signal: AbortSignal): Promise<Response> {
  const backendUrl = str(update.outputUrl);
  if (!backendUrl) throw new ProviderError("internal", "This AI.ML job has no video address to download.", { retryable: false });
  for (let attempt = 1; ; attempt++) {
    const url = await presignedUrl(backendUrl, signal);
    try {
      // No headers: the key never goes to the presigned host.
      return await openOutput(url, {
        service: "AI.ML's file server",
        signal,
        trustedBaseUrl: settings().AIML_BASE_URL,
        expiredMessage: "AI.ML's download link for this video kept expiring before Dailies could copy it. Run the job again.",
      });
    } catch (err) {
      // Presigned links "expire quickly": a slow hand-over gets one fresh link, a file that is gone does not loop.
      if (attempt === 1 && err instanceof ProviderError && err.code === "output_expired") continue;
      throw err;
    }
  }
}

/** [U] AI.ML documents no account or models call: a status check of a task that cannot exist proves the key (404) or not (401). */
async function testConnection(): Promise<void> {
  const res = await client.raw("GET", `${TASKS}/00000000-0000-0000-0000-000000000000`, { what: "connection test" });
  if (res.ok || res.status === 404) {
    await res.body?.cancel().catch(() => undefined);
    return;
  }
  throw await client.failure(res, "connection test");
}

export const aimlProvider: VideoProvider = {
  id: "aiml",
  label: "AI.ML",
  config: { schema: aimlConfig },
  // No webhooks are documented: polled only.
  callbacks: "none",
  models: aimlModels,
  isConfigured: () => client.hasKey(),
  configureHint: "Add AIML_API_KEY to enable AI.ML models.",
  submit,
  poll,
  // No cancel endpoint is documented: a cancel is local (the worker stops polling and ignores a late result).
  fetchOutput,
  testConnection,
};
