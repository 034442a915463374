/**
 * The allowedParams gateway (shared/providers/gateway-002.md): submit → `job_id` → poll
 * `progress` 0–100 → `result.url` (a signed link to its mirror). No webhooks are documented,
 * so it is polled. Every path, header and field name comes from wire.ts.
 */
import "server-only";
import { createClient, type ProviderClient } from "../kit/client";
import { openOutput } from "../kit/download";
import { ProviderError, SAFETY_MESSAGE, looksLikeSafetyRefusal, type ErrorOverride } from "../kit/errors";
import { at, isRecord, str } from "../kit/json";
import { providerSettings } from "../kit/settings";
import type { ProviderJob, ProviderJobRef, ProviderUpdate, SubmitContext, Submitted, VideoProvider } from "../types";
import { gatewayConfig } from "./config";
import { MIRROR_EXPIRED_MESSAGE, outputFacts, updateFromJob } from "./job-update";
import { GATEWAY_ID, specsFromModelList } from "./models";
import { SERVICE, submitBody } from "./request";
import { jobPath, readField, wireFrom, type GatewayWire } from "./wire";

const KEY_HINT = "GATEWAY_API_KEY";
const EXPIRED_MESSAGE = "The video gateway's link to this video expired before Dailies could copy it. Run the job again.";

export function gatewayWire(): GatewayWire {
  return wireFrom(providerSettings(gatewayConfig));
}

const configured = (w: GatewayWire) => Boolean(w.apiKey && w.baseUrl);

/** The error body's code (`error.code`, `error.type`, `code`): [U] the guide shows no error format. */
function errorCodeOf(body: unknown): string {
  return str(at(body, "error", "code")) ?? str(at(body, "error", "type")) ?? (isRecord(body) ? (str(body.code) ?? "") : "");
}

const errors: ErrorOverride = (f) => {
  const code = errorCodeOf(f.body);
  const opts = { httpStatus: f.status, retryable: false };
  if (f.status === 429) {
    const wait = f.retryAfterSeconds !== null ? ` in ${f.retryAfterSeconds} s` : " shortly";
    return new ProviderError(
      "rate_limited",
      `${SERVICE} is rate-limiting requests (or its upstream provider's quota is used up); Dailies will try again${wait}. A fallback chain in the gateway's dashboard lets another model take such jobs.`,
      { ...opts, retryable: true, retryAfterSeconds: f.retryAfterSeconds },
    );
  }
  // The guide: safety refusals are 400-class and never retried by its fallback.
  if (f.status >= 400 && f.status < 500 && (looksLikeSafetyRefusal(f.reason) || /safety|content[_ ]?policy|moderation/i.test(code))) {
    return new ProviderError("content_policy", SAFETY_MESSAGE, opts);
  }
  if (f.status === 402 || (f.status < 500 && /credit|quota|balance|billing/i.test(code))) {
    return new ProviderError("quota_exhausted", `The video gateway account is out of credits. Add credits in the gateway's dashboard, then try again.`, opts);
  }
  if (f.status === 401 || f.status === 403) {
    // The header and scheme are guesses, so say what was sent.
    const { auth } = gatewayWire();
    return new ProviderError(
      "provider_error",
      `${SERVICE} rejected the API key (sent as "${auth.header}: ${auth.scheme ? `${auth.scheme} ` : ""}…"): check ${KEY_HINT}, GATEWAY_AUTH_HEADER and GATEWAY_AUTH_SCHEME.`,
      opts,
    );
  }
  return undefined;
};

const client: ProviderClient = createClient({
  service: SERVICE,
  provider: "gateway",
  baseUrl: () => gatewayWire().baseUrl ?? "",
  keyHint: `${KEY_HINT} and GATEWAY_BASE_URL`,
  errors,
  auth: {
    kind: "custom",
    isSet: () => configured(gatewayWire()),
    apply: (headers) => {
      const { apiKey, auth } = gatewayWire();
      headers.set(auth.header, auth.scheme ? `${auth.scheme} ${apiKey}` : String(apiKey));
    },
  },
});

async function discover() {
  const wire = gatewayWire();
  if (!configured(wire)) return [];
  const { body } = await client.json("GET", wire.paths.models, { what: "request for its list of video models" });
  const specs = specsFromModelList(body, { imageInput: wire.imageInput });
  // Thrown, not empty: a list Dailies cannot read must not hide the last good copy.
  if (!specs) throw new ProviderError("provider_error", `${SERVICE} sent a model list Dailies could not read (no list of models in it).`, { retryable: true });
  return specs;
}

async function submit(job: ProviderJob, ctx: SubmitContext): Promise<Submitted> {
  const wire = gatewayWire();
  const { body } = await client.json("POST", wire.paths.submit, { what: "request to create a video", json: submitBody(job, ctx, wire) });
  const id = readField(body, wire.fields.jobId);
  const jobId = typeof id === "number" ? String(id) : str(id);
  if (!jobId) {
    // It may have queued (and will bill) it: a blind resubmit could pay twice.
    throw new ProviderError("provider_error", `${SERVICE} accepted the video but did not say its job id (${wire.fields.jobId}).`, { retryable: false });
  }
  return { providerJobId: jobId, providerData: null, update: updateFromJob(body, wire) };
}

async function poll(ref: ProviderJobRef): Promise<ProviderUpdate> {
  const wire = gatewayWire();
  const { body } = await client.json("GET", jobPath(wire.paths.status, ref.providerJobId), { what: "status check of a video" });
  return updateFromJob(body, wire);
}

async function cancel(ref: ProviderJobRef): Promise<void> {
  const wire = gatewayWire();
  // No documented cancel: the job is canceled in Dailies only, and a late result is ignored.
  if (!wire.paths.cancel) return;
  const res = await client.raw("POST", jobPath(wire.paths.cancel, ref.providerJobId), { what: "request to cancel a video" });
  if (res.ok || res.status === 404 || res.status === 409) {
    await res.body?.cancel().catch(() => undefined);
    return;
  }
  throw await client.failure(res, "request to cancel a video");
}

async function fetchOutput(ref: ProviderJobRef, update: ProviderUpdate, signal: AbortSignal): Promise<Response> {
  const wire = gatewayWire();
  const facts = outputFacts(update.raw, wire);
  const { mirrorFailed } = facts;
  const url = update.outputUrl ?? facts.url;
  if (!url) throw new ProviderError("provider_error", `${SERVICE} reported success but gave no link to the video.`, { retryable: false });
  const open = (link: string) =>
    openOutput(link, { service: SERVICE, signal, trustedBaseUrl: wire.baseUrl, expiredMessage: mirrorFailed ? MIRROR_EXPIRED_MESSAGE : EXPIRED_MESSAGE });
  try {
    return await open(url);
  } catch (err) {
    // [U] The signed link's lifetime is unknown: a fresh status answer may carry a newly signed one.
    if (!(err instanceof ProviderError) || err.code !== "output_expired" || mirrorFailed) throw err;
    const fresh = await poll(ref).catch(() => null);
    if (!fresh?.outputUrl || fresh.outputUrl === url) throw err;
    return open(fresh.outputUrl);
  }
}

export const gatewayProvider: VideoProvider = {
  id: GATEWAY_ID,
  label: "Video gateway (allowedParams)",
  config: { schema: gatewayConfig },
  callbacks: "none", // [U] the guide documents no webhooks
  // Models and limits come only from the gateway's own list (discover).
  models: [],
  discover,
  isConfigured: () => configured(gatewayWire()),
  configureHint: "Add GATEWAY_API_KEY and GATEWAY_BASE_URL to enable Video gateway (allowedParams) models.",
  submit,
  poll,
  cancel,
  fetchOutput,
  testConnection: async () => {
    await client.json("GET", gatewayWire().paths.models, { what: "request for its list of video models" });
  },
};
