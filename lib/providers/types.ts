/** The one interface every video provider implements, and the data that crosses it. */
import type { ZodObject, ZodRawShape } from "zod";
import type { PriceRule } from "../models/price";

/** "local", "replicate", "skytells", ...: no closed union, a provider is its folder and a registry line. */
export type ProviderId = string;

/** How a model takes a still image: inline (data URI/base64), uploaded to the provider, or only by a URL to us. */
export type ImageInputWay = "inline" | "upload" | "url";

/** A documented option beyond the common ones (AI.ML's camera-fixed, Veo's audio...): typed, with its default. */
export type ModelOptionSpec =
  | { key: string; label: string; description?: string; kind: "boolean"; default: boolean }
  | { key: string; label: string; description?: string; kind: "choice"; choices: readonly string[]; default: string };

export type ModelOptionValues = Record<string, string | boolean>;

export const ASPECT_RATIOS = ["16:9", "9:16", "1:1", "4:3", "3:4", "21:9", "9:21"] as const;
export type AspectRatio = (typeof ASPECT_RATIOS)[number];

export const ERROR_CODES = [
  "content_policy",
  "invalid_input",
  "rate_limited",
  "quota_exhausted",
  "provider_error",
  "timeout",
  "output_expired",
  "canceled_by_provider",
  "internal",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** A model described as data: the composer renders pickers from it, the server builds its schema from it. */
export interface ModelSpec {
  /** `<provider>:<provider's model id>`, e.g. `replicate:google/veo-3.1-fast`. */
  id: string;
  provider: ProviderId;
  /**
   * The model family this spec is a route of (lib/models), so routes of one model across
   * providers can be found and swapped; unset for a model only its provider's list knows
   * (it is then a family of its own; see lib/models/route.ts `familyOf`).
   */
  family?: string;
  /** "preview" for the local ffmpeg renderer (not AI); everything else is "ai". */
  engine: "ai" | "preview";
  /** How the model takes an image; "url" models need PUBLIC_URL for image mode. Default: the provider's own way. */
  imageInput?: ImageInputWay;
  /**
   * false: the provider's own model list never names this model (it lives on another route, like
   * ModelsLab's v6 Ultra models), so its absence from the list does not hide it. Default true.
   */
  listed?: boolean;
  /** Extra typed options the provider documents for this model; the composer shows them only for this model. */
  options?: readonly ModelOptionSpec[];
  /** The provider's own id for the model (Replicate slug, fal endpoint id, ...). */
  providerModel: string;
  label: string;
  description: string;
  /** "text": prompt only; "image": animates a still. */
  modes: ReadonlyArray<"text" | "image">;
  durations: readonly number[];
  aspectRatios: readonly AspectRatio[];
  resolutions: readonly string[];
  fps: readonly number[];
  defaults: { durationSeconds: number; aspectRatio: AspectRatio; resolution: string; fps: number };
  negativePrompt: boolean;
  seed: boolean;
  maxPromptLength: number;
  /** How the provider charges (lib/models/price.ts); unset: `pricePerSecondUsd` per second, or unknown. */
  price?: PriceRule;
  /** What one of the provider's billing credits costs in dollars, where its reports count credits (Skytells); unset: credits are not turned into dollars. */
  creditUsd?: number;
  /** USD per second of output at the default settings; null when the provider does not publish one (or charges per video). */
  pricePerSecondUsd: number | null;
  priceReadOn: string;
  typicalLatencySeconds: number;
}

/** What a job looks like to an adapter: validated parameters only. */
export interface ProviderJob {
  id: string;
  model: ModelSpec;
  prompt: string;
  negativePrompt: string | null;
  aspectRatio: AspectRatio;
  durationSeconds: number;
  resolution: string;
  fps: number;
  seed: number | null;
  /** Values of the model's typed options (validated against `model.options`). */
  options?: ModelOptionValues;
  /** Epoch ms after which the job is abandoned. */
  deadlineAt: number;
}

export interface InputImage {
  bytes: Buffer;
  mime: "image/png" | "image/jpeg" | "image/webp";
}

export interface SubmitContext {
  /** Where the provider should POST its completion webhook (with a per-job token where the scheme is unsigned); null means "we poll". */
  webhookUrl: string | null;
  /** The stored, re-encoded input image, if any. */
  image: InputImage | null;
  /** A signed, short-lived URL to that image on our server (only with PUBLIC_URL), for providers that take images only by URL. */
  imageUrl?: string | null;
}

export type ProviderStatus = "queued" | "running" | "succeeded" | "failed" | "canceled";

/** A provider's news about a job, normalized. */
export interface ProviderUpdate {
  status: ProviderStatus;
  /** 0..1 */
  progress?: number;
  etaSeconds?: number;
  outputUrl?: string;
  errorCode?: ErrorCode;
  message?: string;
  /** What the provider says it charged, where it reports one. */
  cost?: { usd?: number; credits?: number };
  /** Facts the provider reports about how it served the job (a gateway's upstream, cache hits). */
  report?: { servedBy?: string; servedModel?: string; cacheHit?: boolean; latencyMs?: number };
  raw: unknown;
}

/** What we keep to talk to the provider about a job later. */
export interface ProviderJobRef {
  providerJobId: string;
  /** Adapter-owned JSON (e.g. fal's status/response/cancel URLs). */
  providerData: Record<string, unknown> | null;
}

export interface Submitted extends ProviderJobRef {
  update: ProviderUpdate;
}

export interface WebhookEvent {
  /** The provider's event id, used for dedupe (Replicate's webhook-id, fal's request id). */
  eventId: string;
  providerJobId: string;
  update: ProviderUpdate;
}

/** A webhook delivery as the route received it. */
export interface WebhookRequest {
  rawBody: Buffer;
  headers: Headers;
  /** The full request URL: carries `?job=` and, for unsigned schemes, the per-job `token`. */
  url: URL;
}

/** The job the callback URL names (`?job=`), when it exists and belongs to this provider. */
export interface WebhookJob {
  id: string;
  providerJobId: string | null;
  status: string;
  /** What the adapter stored at submit, for confirming with the provider's own status call. */
  providerData?: Record<string, unknown> | null;
}

export interface VideoProvider {
  id: ProviderId;
  label: string;
  /** The provider's own settings slice (env, or Settings → Providers); lib/env.ts merges the slices. */
  config?: { schema: ZodObject<ZodRawShape> };
  /** Where its webhooks go: PUBLIC_URL ("public"), our own server ("internal"), or it is polled only ("none"). */
  callbacks: "public" | "internal" | "none";
  /** Built-in models; where the provider lists its own, `discover` refreshes them. */
  models: readonly ModelSpec[];
  /**
   * The models the provider lists now (merged with the built-in data, last good copy kept; see
   * lib/providers/catalog-merge.ts). A built-in model missing from it is hidden from the composer
   * unless it is marked `listed: false`. Called only when `isConfigured()`.
   */
  discover?(): Promise<ModelSpec[]>;
  /** Key present? The local provider always is. */
  isConfigured(): boolean;
  /** Human hint shown when not configured, e.g. "Add REPLICATE_API_TOKEN to enable Replicate models." */
  configureHint: string;
  submit(job: ProviderJob, ctx: SubmitContext): Promise<Submitted>;
  /**
   * Finds the provider's job for a submit whose answer Dailies never stored (it stopped between the
   * provider accepting the request and recording its id), by a mark Dailies set on the request: a
   * field the provider echoes, or the request itself found in a list of recent jobs. Null when there is
   * none, or none can be told apart from others. Never submits anything. `submitStartedAt` is when the
   * lost submit began (epoch ms), to narrow the search; `isKnown` says whether another job already has
   * a provider job (an identical request of another job is not this one's).
   */
  findSubmitted?(job: ProviderJob, ctx: { submitStartedAt: number; isKnown(providerJobId: string): Promise<boolean> }): Promise<Submitted | null>;
  poll(ref: ProviderJobRef): Promise<ProviderUpdate>;
  cancel?(ref: ProviderJobRef): Promise<void>;
  /**
   * Throws WebhookVerificationError on a bad or stale signature or token. Unsigned schemes
   * confirm a terminal state with the provider's own status call before returning it.
   */
  verifyWebhook?(req: WebhookRequest, ctx: { job: WebhookJob | null }): Promise<WebhookEvent>;
  /** Opens the finished video (through kit `openOutput`): handles presigned hops and authorised endpoints. */
  fetchOutput(ref: ProviderJobRef, update: ProviderUpdate, signal: AbortSignal): Promise<Response>;
  /** Frees provider-side leftovers once the job is terminal and its output copied, or deleted (local render files). */
  release?(ref: ProviderJobRef): Promise<void>;
  /**
   * Removes leftovers that no job still needs (local render folders of failed, canceled or deleted
   * jobs). `ask` says where the job behind one stands: "active", "finished" (terminal or gone), or
   * "unknown" (no job names it yet: a submit may be under way).
   */
  sweep?(ask: (ref: { providerJobId: string; jobId: string | null }) => Promise<"active" | "finished" | "unknown">): Promise<void>;
  /**
   * A graceful stop of this process: start no more provider-side work here, and finish or hand back
   * what runs here (the local renderer), within about `graceMs`.
   */
  stop?(graceMs: number): Promise<void>;
  /**
   * The process has begun to stop (called at once, before the worker waits for its steps and calls
   * `stop`): start nothing new here from now on. A shutdown may signal every process of the group,
   * so work this process runs in children (ffmpeg) can end at the same moment, and must be handed back, not failed.
   */
  beginStop?(): void;
  /** The cheapest authenticated call (a models list, an account call), for Settings → Test connection. Throws a ProviderError. */
  testConnection?(): Promise<void>;
  /** At most this many of its jobs at the provider at once (ModelsLab's queue cap); the rest wait in `queued`. */
  maxInFlight?(): number | null;
}
