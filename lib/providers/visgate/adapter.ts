/**
 * Visgate, the unified gateway (fal, Replicate, Runway behind one API), by polling: an async
 * create (`Prefer: respond-async` → 202), then `GET /requests/{id}` until completed. What it
 * reports about serving the job — upstream provider and model, cache hit, latency, cost —
 * travels in the update's `cost` and `report`. No webhooks and no cancel are documented.
 */
import "server-only";
import { createClient } from "../kit/client";
import { openOutput } from "../kit/download";
import { ProviderError } from "../kit/errors";
import { requireImageUrl } from "../kit/image";
import { providerSettings } from "../kit/settings";
import type { ModelSpec, ProviderJob, ProviderJobRef, ProviderUpdate, SubmitContext, Submitted, VideoProvider } from "../types";
import { visgateConfig } from "./config";
import { specsFromListing } from "./discover";
import { visgateErrors, visgateReason } from "./errors";
import { findVisgateModel, visgateModels } from "./models";
import { requestIdOf, updateFrom } from "./request-status";

const SERVICE = "Visgate";
const settings = () => providerSettings(visgateConfig);

const client = createClient({
  service: SERVICE,
  baseUrl: () => settings().VISGATE_BASE_URL,
  auth: { kind: "bearer", token: () => settings().VISGATE_API_KEY },
  keyHint: "VISGATE_API_KEY",
  errors: visgateErrors,
  reason: visgateReason,
});

/** The model's extras, in the top-level fields Visgate passes on to the upstream. */
function extrasFor(job: ProviderJob): Record<string, unknown> {
  const wire = findVisgateModel(job.model.id)?.visgate.wire ?? {};
  const extras: Record<string, unknown> = {};
  if (wire.aspectRatio) extras[wire.aspectRatio] = job.aspectRatio;
  if (wire.resolution) extras[wire.resolution] = job.resolution;
  if (wire.negativePrompt && job.negativePrompt) extras[wire.negativePrompt] = job.negativePrompt;
  if (wire.seed && job.seed !== null) extras[wire.seed] = job.seed;
  for (const option of job.model.options ?? []) extras[option.key] = job.options?.[option.key] ?? option.default;
  return extras;
}

async function submit(job: ProviderJob, ctx: SubmitContext): Promise<Submitted> {
  // The core fields go last so no extra can overwrite them.
  const json: Record<string, unknown> = {
    ...extrasFor(job),
    model: job.model.providerModel,
    prompt: job.prompt,
    duration_seconds: job.durationSeconds,
  };
  if (ctx.image) json.image_url = requireImageUrl(ctx, SERVICE);
  const { body } = await client.json("POST", "/videos/generate", {
    what: "request to create a video",
    json,
    // Without it the call blocks until the video exists, and proxies time out on long waits.
    headers: { prefer: "respond-async" },
  });
  const id = requestIdOf(body);
  if (!id) {
    // It may be queued (and billed) already; a blind resubmit could pay twice.
    throw new ProviderError("provider_error", "Visgate accepted the video request but did not say its request id.", { retryable: false });
  }
  return { providerJobId: id, providerData: null, update: updateFrom(body) };
}

async function poll(ref: ProviderJobRef): Promise<ProviderUpdate> {
  const { body } = await client.json("GET", `/requests/${encodeURIComponent(ref.providerJobId)}`, { what: "status check of a video" });
  return updateFrom(body);
}

async function fetchOutput(_ref: ProviderJobRef, update: ProviderUpdate, signal: AbortSignal): Promise<Response> {
  if (!update.outputUrl) throw new ProviderError("internal", "This Visgate job has no video address to download.", { retryable: false });
  // Visgate's storage copy or the upstream's own CDN link: no key goes with it.
  return openOutput(update.outputUrl, {
    service: "Visgate's file storage",
    signal,
    trustedBaseUrl: settings().VISGATE_BASE_URL,
    expiredMessage: "The finished video expired at Visgate (or at its upstream provider) before Dailies could copy it. Run the job again.",
  });
}

async function discover(): Promise<ModelSpec[]> {
  const { body } = await client.json("GET", "/models", { what: "list of models", query: { media_type: "video", limit: 100 } });
  return specsFromListing(body);
}

/** `/models` and `/health` need no key; `/auth/me` (the SDK's identity example) does. */
async function testConnection(): Promise<void> {
  await client.json("GET", "/auth/me", { what: "connection test" });
}

export const visgateProvider: VideoProvider = {
  id: "visgate",
  label: "Visgate",
  config: { schema: visgateConfig },
  callbacks: "none",
  models: visgateModels,
  discover,
  isConfigured: () => client.hasKey(),
  configureHint: "Add VISGATE_API_KEY to enable Visgate models.",
  submit,
  poll,
  // No cancel is documented: a cancel is local (the worker stops polling and ignores a late result).
  fetchOutput,
  testConnection,
};
