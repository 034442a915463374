/** The app's own metrics, named once. Recording is a map update: cheap enough for every provider call. */
import { metrics } from "./registry";

const LATENCY_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

/** One provider HTTP call: its service ("Replicate"), and the HTTP status or "error" when none came back. */
export function recordProviderRequest(service: string, status: number | "error", seconds: number): void {
  const provider = service.toLowerCase();
  metrics().histogram("dailies_provider_request_duration_seconds", "Provider API calls, by provider, from request to response headers.", LATENCY_BUCKETS).observe({ provider }, seconds);
  metrics().counter("dailies_provider_requests_total", "Provider API calls, by provider and HTTP status (\"error\": no answer).").inc({ provider, status: String(status) });
}

/** A provider call that failed, by the error code it was classified as (rate_limited, provider_error, timeout...). */
export function recordProviderError(service: string, code: string): void {
  metrics().counter("dailies_provider_errors_total", "Provider API calls that failed, by provider and error code.").inc({ provider: service.toLowerCase(), code });
}

export type WebhookResult = "accepted" | "duplicate" | "rejected" | "retry_later" | "unreadable" | "ignored" | "too_large" | "unknown_provider";

/** One incoming provider webhook and what verifying it decided. */
export function recordWebhookVerification(provider: string, result: WebhookResult): void {
  metrics().counter("dailies_webhook_verifications_total", "Incoming provider webhooks, by provider and result.").inc({ provider, result });
}

/** A worker tick that failed (the database away or locked) and was left to the next tick. */
export function recordWorkerTickFailure(): void {
  metrics().counter("dailies_worker_tick_failures_total", "Worker ticks that failed and were left to the next tick (this process).").inc();
}
