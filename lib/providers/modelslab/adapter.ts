/**
 * ModelsLab: partner models through the v7 Video Fusion API, wan2.2 / ltx-2.3 through v6 Ultra.
 * The key travels in the JSON body; status is a POST to `…/fetch/{id}`; callbacks are unsigned
 * (per-job token + confirm by fetch). There is no cancel call: Dailies cancels locally and the
 * state table ignores late results. ModelsLab caps queued requests per account, so
 * `maxInFlight` keeps the rest waiting in Dailies instead of collecting 429s.
 */
import "server-only";
import { createClient } from "../kit/client";
import { openOutput } from "../kit/download";
import { ProviderError } from "../kit/errors";
import { isRecord } from "../kit/json";
import { providerSettings } from "../kit/settings";
import type { ProviderJob, ProviderJobRef, ProviderUpdate, SubmitContext, Submitted, VideoProvider } from "../types";
import { createRefusal, errorOverride, fetchCallProblem, idOf, KEY_HINT, reasonOf, updateOf } from "./answer";
import { modelslabConfig } from "./config";
import { specsFromList } from "./discover";
import { modelslabModels } from "./models";
import { createCall, fetchPath, SERVICE, type ModelslabApi } from "./request";
import { verifyModelslabWebhook } from "./webhook";

const settings = () => providerSettings(modelslabConfig);
const apiKey = () => settings().MODELSLAB_API_KEY;
/** Tolerates a base URL written as in the older notes (`…/api/v6`): both API versions hang off `…/api`. */
const apiRoot = () => settings().MODELSLAB_BASE_URL.replace(/\/v[67]$/, "");

const client = createClient({
  service: SERVICE,
  baseUrl: apiRoot,
  auth: { kind: "body", field: "key", value: apiKey },
  keyHint: KEY_HINT,
  errors: errorOverride,
  reason: reasonOf,
  retryAfterField: "retry_after",
});

const isErrorStatus = (body: unknown) => isRecord(body) && (body.status === "error" || body.status === "failed");

async function submit(job: ProviderJob, ctx: SubmitContext): Promise<Submitted> {
  const call = createCall(job, ctx);
  const { body, headers } = await client.json("POST", call.path, { what: "request to create a video", json: call.body });
  if (isErrorStatus(body)) throw createRefusal(body, headers);
  const update = updateOf(body);
  const id = idOf(body);
  if (!id) {
    // It may be queued (and billed) already: sending it again could pay twice.
    throw new ProviderError("provider_error", `${SERVICE} accepted the job but did not say its id.`, { retryable: false });
  }
  return { providerJobId: id, providerData: { api: call.api }, update };
}

const apiOf = (ref: ProviderJobRef): ModelslabApi => (ref.providerData?.api === "v6" ? "v6" : "v7");

async function poll(ref: ProviderJobRef): Promise<ProviderUpdate> {
  let body: unknown;
  try {
    ({ body } = await client.json("POST", fetchPath(apiOf(ref), ref.providerJobId), { what: "status check" }));
  } catch (err) {
    if (err instanceof ProviderError && err.httpStatus === 404) {
      throw new ProviderError("provider_error", `${SERVICE} no longer knows this job (id ${ref.providerJobId}); run it again.`, {
        retryable: false,
        httpStatus: 404,
      });
    }
    throw err;
  }
  if (isErrorStatus(body)) {
    const aboutTheCall = fetchCallProblem(body);
    if (aboutTheCall) throw aboutTheCall;
  }
  return updateOf(body);
}

async function fetchOutput(_ref: ProviderJobRef, update: ProviderUpdate, signal: AbortSignal): Promise<Response> {
  if (!update.outputUrl) throw new ProviderError("internal", `This ${SERVICE} job has no video address to download.`, { retryable: false });
  // [U] A public file link (r2.dev, assets.modelslab.ai): no key goes with it.
  return openOutput(update.outputUrl, {
    service: SERVICE,
    signal,
    trustedBaseUrl: apiRoot(),
    expiredMessage: `${SERVICE} no longer has this video (its link expired before Dailies could copy it). Run the job again.`,
  });
}

/** The model list; also the cheapest authenticated call. GET carries the key in the query, as the docs show. */
async function listModels(): Promise<unknown> {
  const { body, headers } = await client.json("GET", "/v7/models", {
    what: "model list",
    // [U] per_page is the agents API's paging parameter; whether /v7/models pages at all is undocumented.
    query: { feature: "video_fusion", per_page: 100, key: apiKey() },
  });
  if (isErrorStatus(body)) throw createRefusal(body, headers, "model list");
  return body;
}

export const modelslabProvider: VideoProvider = {
  id: "modelslab",
  label: SERVICE,
  config: { schema: modelslabConfig },
  callbacks: "public",
  models: modelslabModels,
  discover: async () => specsFromList(await listModels()),
  isConfigured: () => Boolean(apiKey()),
  configureHint: `Add ${KEY_HINT} to enable ${SERVICE} models.`,
  submit,
  poll,
  verifyWebhook: (req, { job }) => verifyModelslabWebhook(req, job, poll),
  fetchOutput,
  testConnection: async () => {
    await listModels();
  },
  maxInFlight: () => settings().MODELSLAB_MAX_IN_FLIGHT,
};
