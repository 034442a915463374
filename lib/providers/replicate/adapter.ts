/** Replicate behind the VideoProvider interface, on the provider kit (see /work/shared/providers/replicate.md). */
import "server-only";
import { ProviderError, WebhookVerificationError } from "../kit/errors";
import type { ProviderJob, ProviderJobRef, ProviderUpdate, SubmitContext, Submitted, VideoProvider, WebhookEvent, WebhookRequest } from "../types";
import { replicate } from "./client";
import { replicateConfig } from "./config";
import { buildInput } from "./input";
import { replicateModel, replicateModels, type ReplicateModelSpec } from "./models";
import { findSubmittedPrediction } from "./find-submitted";
import { fetchReplicateOutput } from "./output";
import { isPrediction, toUpdate, type ReplicatePrediction } from "./prediction";
import { startImageValue } from "./start-image";
import { verifyReplicateSignature } from "./webhook-secret";

/** Shorter deadlines would abort predictions still cold-booting; a minute leaves room for that. */
const MIN_CANCEL_AFTER_SECONDS = 60;
const WEBHOOK_EVENTS = ["start", "completed"] as const;

/** `Cancel-After` in Replicate's duration syntax, so it stops billing once our deadline passes. */
export function cancelAfterHeader(deadlineAt: number, now = Date.now()): string {
  return `${Math.max(MIN_CANCEL_AFTER_SECONDS, Math.floor((deadlineAt - now) / 1000))}s`;
}

// Predictions we canceled ourselves, so a later "canceled" is not blamed on Replicate.
// In memory only: after a restart the job is already canceled on our side and the update is a no-op.
const MAX_REMEMBERED_CANCELS = 1000;
const store = globalThis as typeof globalThis & { __dailiesReplicateCanceled?: Set<string> };
const canceledByUs = (): Set<string> => (store.__dailiesReplicateCanceled ??= new Set());

function rememberCancel(id: string): void {
  const set = canceledByUs();
  set.add(id);
  if (set.size > MAX_REMEMBERED_CANCELS) {
    const oldest = set.values().next().value;
    if (oldest !== undefined) set.delete(oldest);
  }
}

function mapPrediction(p: ReplicatePrediction): ProviderUpdate {
  return toUpdate(p, canceledByUs().has(p.id));
}

function specFor(job: ProviderJob): ReplicateModelSpec {
  const spec = replicateModel(job.model.id);
  if (!spec) throw new ProviderError("invalid_input", `Replicate does not offer the model ${job.model.id}.`, { retryable: false });
  return spec;
}

function predictionOrThrow(value: unknown, what: string): ReplicatePrediction {
  if (isPrediction(value)) return value;
  throw new ProviderError("provider_error", `Replicate sent an unexpected answer to the ${what}.`, { retryable: true });
}

const encodeId = (id: string) => encodeURIComponent(id);

export const replicateProvider: VideoProvider = {
  id: "replicate",
  label: "Replicate",
  models: replicateModels,
  config: { schema: replicateConfig },
  isConfigured: () => replicate.hasKey(),
  configureHint: "Add REPLICATE_API_TOKEN to enable Replicate models.",
  callbacks: "public",

  async submit(job: ProviderJob, ctx: SubmitContext): Promise<Submitted> {
    const spec = specFor(job);
    // A dry run with a stand-in image value: a bad combination fails before we upload anything.
    buildInput(spec, job, ctx.image ? "data:," : null);
    const image = ctx.image ? await startImageValue(ctx.image) : null;
    const body: Record<string, unknown> = { input: buildInput(spec, job, image) };
    if (ctx.webhookUrl) {
      body.webhook = ctx.webhookUrl;
      body.webhook_events_filter = WEBHOOK_EVENTS;
    }
    const what = "request to create a video";
    const created = await replicate.json("POST", `/models/${spec.providerModel}/predictions`, {
      what,
      json: body,
      headers: { "Cancel-After": cancelAfterHeader(job.deadlineAt) },
    });
    const prediction = predictionOrThrow(created.body, what);
    return { providerJobId: prediction.id, providerData: null, update: mapPrediction(prediction) };
  },

  findSubmitted(job, ctx): Promise<Submitted | null> {
    return findSubmittedPrediction(specFor(job), job, ctx, (p) => ({ providerJobId: p.id, providerData: null, update: mapPrediction(p) }));
  },

  async poll(ref: ProviderJobRef): Promise<ProviderUpdate> {
    const got = await replicate.json("GET", `/predictions/${encodeId(ref.providerJobId)}`, { what: "status request" });
    return mapPrediction(predictionOrThrow(got.body, "status request"));
  },

  async cancel(ref: ProviderJobRef): Promise<void> {
    // Remembered before the call: the "canceled" webhook can arrive before the answer does.
    rememberCancel(ref.providerJobId);
    await replicate.json("POST", `/predictions/${encodeId(ref.providerJobId)}/cancel`, { what: "cancel request" });
  },

  async testConnection(): Promise<void> {
    // [U] `GET /v1/account` (who owns the token) is in Replicate's HTTP reference, not in our notes: the cheapest authenticated call.
    await replicate.json("GET", "/account", { what: "connection test" });
  },

  async verifyWebhook({ rawBody, headers }: WebhookRequest): Promise<WebhookEvent> {
    const eventId = await verifyReplicateSignature(rawBody, headers);
    let parsed: unknown;
    try {
      parsed = JSON.parse(rawBody.toString("utf8"));
    } catch {
      throw new WebhookVerificationError("Webhook body is not JSON.");
    }
    if (!isPrediction(parsed)) throw new WebhookVerificationError("Webhook body is not a Replicate prediction.");
    return { eventId, providerJobId: parsed.id, update: mapPrediction(parsed) };
  },

  fetchOutput(_ref: ProviderJobRef, update: ProviderUpdate, signal: AbortSignal): Promise<Response> {
    return fetchReplicateOutput(update, signal);
  },
};
