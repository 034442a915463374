/** The one interface every video provider implements, and the data that crosses it. */

export type ProviderId = "local" | "replicate" | "fal";

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
  /** USD per second of output; null when the provider does not publish one. */
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
  /** Epoch ms after which the job is abandoned. */
  deadlineAt: number;
}

export interface SubmitContext {
  /** Where the provider should POST its completion webhook; null means "we poll". */
  webhookUrl: string | null;
  /** The stored, re-encoded input image, if any. Adapters send it inline or upload it; never as a URL to us. */
  image: { bytes: Buffer; mime: "image/png" | "image/jpeg" | "image/webp" } | null;
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

export interface VideoProvider {
  id: ProviderId;
  label: string;
  models: readonly ModelSpec[];
  /** Key present? The local provider always is. */
  isConfigured(): boolean;
  /** Human hint shown when not configured, e.g. "Set REPLICATE_API_TOKEN to enable". */
  configureHint: string;
  /** Whether this provider can call a webhook at all. */
  supportsWebhooks: boolean;
  submit(job: ProviderJob, ctx: SubmitContext): Promise<Submitted>;
  poll(ref: ProviderJobRef): Promise<ProviderUpdate>;
  cancel?(ref: ProviderJobRef): Promise<void>;
  /** Throws WebhookVerificationError on a bad or stale signature. */
  verifyWebhook?(rawBody: Buffer, headers: Headers): Promise<WebhookEvent>;
  /** Opens the finished video: handles presigned hops and authorised endpoints. */
  fetchOutput(ref: ProviderJobRef, update: ProviderUpdate, signal: AbortSignal): Promise<Response>;
  /** Frees provider-side leftovers once the job is terminal and its output copied (local render files). */
  release?(ref: ProviderJobRef): Promise<void>;
}
