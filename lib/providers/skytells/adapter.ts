/** Skytells behind the VideoProvider interface, on the provider kit (see shared/providers/skytells.md). */
import "server-only";
import { createClient } from "../kit/client";
import { openOutput } from "../kit/download";
import { classifyHttpFailure, ProviderError } from "../kit/errors";
import { requireImageUrl } from "../kit/image";
import { at, isRecord, num } from "../kit/json";
import { providerSettings } from "../kit/settings";
import type { ProviderJob, ProviderJobRef, ProviderUpdate, SubmitContext, Submitted, VideoProvider } from "../types";
import { skytellsConfig } from "./config";
import { discoverSkytellsModels } from "./discover";
import { SERVICE, skytellsErrors, skytellsReason, STATUS_WHAT } from "./errors";
import { buildInput } from "./input";
import { skytellsModels } from "./models";
import { isPrediction, outputGone, toUpdate } from "./prediction";
import { checkSignature, parseWebhook } from "./webhook";

const CREATE_WHAT = "request to create a video";
const KEY_HINT = "SKYTELLS_API_KEY";
/** The SDK's event names; receipt accepts every other spelling too. */
const WEBHOOK_EVENTS = ["completed", "failed", "canceled", "started"] as const;
const EXPIRED =
  "Skytells keeps a finished video only a few minutes, and this one was gone before Dailies could copy it. Run the job again.";

const settings = () => providerSettings(skytellsConfig);

const client = createClient({
  service: SERVICE,
  baseUrl: () => settings().SKYTELLS_BASE_URL,
  auth: { kind: "header", name: "x-api-key", value: () => settings().SKYTELLS_API_KEY },
  keyHint: KEY_HINT,
  errors: skytellsErrors,
  reason: skytellsReason,
});

const predictionPath = (id: string, tail = "") => `/predictions/${encodeURIComponent(id)}${tail}`;

/** A 2xx create answer without an id: Skytells' error envelope sent with HTTP 200, or something unreadable. */
function createFailure(body: unknown): ProviderError {
  const status = num(at(body, "error", "http_status"));
  if (isRecord(body) && body.status === false && status !== null && status >= 400) {
    const reason = skytellsReason(body);
    return classifyHttpFailure(
      { service: SERVICE, what: CREATE_WHAT, keyHint: KEY_HINT, status, headers: new Headers(), body, reason, retryAfterSeconds: null },
      skytellsErrors,
    );
  }
  // Not retried: Skytells may have created the job, and a second try could bill twice.
  return new ProviderError("provider_error", "Skytells accepted the request to create a video but sent no job id; it was not sent again.", {
    retryable: false,
  });
}

export const skytellsProvider: VideoProvider = {
  id: "skytells",
  label: "Skytells",
  config: { schema: skytellsConfig },
  callbacks: "public",
  models: skytellsModels,
  discover: () => discoverSkytellsModels(client),
  isConfigured: () => !!settings().SKYTELLS_API_KEY,
  configureHint: "Add SKYTELLS_API_KEY to enable Skytells models.",

  async submit(job: ProviderJob, ctx: SubmitContext): Promise<Submitted> {
    const imageUrl = ctx.image ? requireImageUrl(ctx, SERVICE) : null;
    const json: Record<string, unknown> = { model: job.model.providerModel, input: buildInput(job, imageUrl), await: false };
    if (ctx.webhookUrl) json.webhook = { url: ctx.webhookUrl, events: WEBHOOK_EVENTS };
    const { body } = await client.json<unknown>("POST", "/predictions", { what: CREATE_WHAT, json });
    // "HTTP 200 + status:false + id" is a queued job despite its error text.
    if (!isPrediction(body)) throw createFailure(body);
    return { providerJobId: body.id, providerData: null, update: toUpdate(body) };
  },

  async poll(ref: ProviderJobRef): Promise<ProviderUpdate> {
    const { body } = await client.json<unknown>("GET", predictionPath(ref.providerJobId), { what: STATUS_WHAT });
    if (!isPrediction(body)) throw new ProviderError("provider_error", "Skytells sent an unreadable answer to the status request.", { retryable: true });
    return toUpdate(body);
  },

  async cancel(ref: ProviderJobRef): Promise<void> {
    // [C] Docs answer `{success: true}`, the SDK expects the canceled prediction: both are fine.
    const { body } = await client.json<unknown>("POST", predictionPath(ref.providerJobId, "/cancel"), { what: "cancel request" });
    if (isRecord(body) && body.success === false) {
      const reason = skytellsReason(body);
      throw new ProviderError("provider_error", `Skytells did not cancel the job${reason ? `: ${reason}` : "."}`, { retryable: false });
    }
  },

  async verifyWebhook({ rawBody, headers }) {
    const s = settings();
    checkSignature(rawBody, headers, s.SKYTELLS_WEBHOOK_SECRET ?? s.SKYTELLS_API_KEY);
    return parseWebhook(rawBody);
  },

  fetchOutput(_ref: ProviderJobRef, update: ProviderUpdate, signal: AbortSignal): Promise<Response> {
    if (outputGone(update.raw)) return Promise.reject(new ProviderError("output_expired", EXPIRED, { retryable: false }));
    // Skytells' CDN links need no key; the API's network class is trusted so a loopback fake works.
    return openOutput(update.outputUrl ?? "", { service: SERVICE, signal, trustedBaseUrl: settings().SKYTELLS_BASE_URL, expiredMessage: EXPIRED });
  },

  async testConnection(): Promise<void> {
    // [U] The prediction list surely needs the key; the model list might not check it.
    await client.json<unknown>("GET", "/predictions", { what: "connection test", query: { page: 1 } });
  },
};
