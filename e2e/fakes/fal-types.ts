/** The public shape of the fal fake (e2e/fakes/fal.ts). */
import type { FalSigningKey, FalWebhook, FalWebhookVariant } from "./fal-webhook";

export interface FalFakeOptions {
  timings?: { queuedMs: number; runningMs: number };
  /** Media disappears this long after completion (default: never). */
  outputTtlMs?: number;
  key?: string;
  /** How long `[fake:slow]` stays IN_PROGRESS (default 60 s). */
  slowMs?: number;
}

export interface FalSubmission {
  requestId: string | null;
  endpoint: string;
  input: Record<string, unknown>;
  webhookUrl: string | null;
  headers: Record<string, string>;
}

export interface FalFake {
  origin: string;
  queueUrl: string;
  restUrl: string;
  jwksUrl: string;
  key: string;
  userId: string;
  /** Ready to spread into process.env. */
  env: { FAL_KEY: string; FAL_QUEUE_URL: string; FAL_REST_URL: string; FAL_JWKS_URL: string };
  /** Submits the fake accepted (a request id was given). */
  submissions: FalSubmission[];
  /** Every submit it received, accepted or not. */
  attempts: FalSubmission[];
  /** GETs of a request's media (or of all media). */
  downloads(requestId?: string): number;
  /** Whether a cancel reached this request. */
  canceled(requestId: string): boolean;
  uploads: Array<{ fileName: string; contentType: string; size: number; fileUrl: string }>;
  /** Every HTTP request the fake saw, including the Host it was addressed to. */
  requests: Array<{ method: string; path: string; host: string }>;
  webhookDeliveries: Array<{ requestId: string; url: string; status: number | null }>;
  /** Publishes a new signing key (keeping the old one) and signs with it from now on. */
  rotateKey(): FalSigningKey;
  /** A webhook for a request the fake knows (its real outcome) or any id, in a chosen variant. */
  buildWebhook(opts: { requestId?: string; payload?: unknown; variant?: FalWebhookVariant }): FalWebhook;
  sendWebhook(url: string, opts: { requestId?: string; payload?: unknown; variant?: FalWebhookVariant }): Promise<number>;
  close(): Promise<void>;
}
