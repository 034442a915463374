/** When the worker looks at a job next. Pure, so the cadence is easy to test and change. */
import type { Job } from "../db/schema";
import type { ModelSpec } from "../providers/types";

export interface Cadence {
  pollMinMs: number;
  pollMaxMs: number;
}

/**
 * Polling-only jobs back off from pollMin to pollMax. Jobs a webhook will report on are
 * only polled when late: first after 1.5x the model's typical wait, then every pollMax.
 */
export function nextPollAt(job: Pick<Job, "pollCount" | "submittedAt" | "createdAt">, model: ModelSpec, webhooks: boolean, c: Cadence, now: number): number {
  if (webhooks) {
    const lateAt = (job.submittedAt ?? job.createdAt) + model.typicalLatencySeconds * 1500;
    return Math.max(lateAt, now + Math.min(c.pollMaxMs, 15_000));
  }
  return now + Math.min(c.pollMaxMs, Math.round(c.pollMinMs * 1.5 ** job.pollCount));
}

export const MAX_SUBMIT_ATTEMPTS = 6;
export const MAX_SAVE_ATTEMPTS = 4;

/** Honours the provider's Retry-After; otherwise doubles per attempt, capped at a minute. */
export function retryAt(attempt: number, retryAfterSeconds: number | null, c: Cadence, now: number): number {
  if (retryAfterSeconds !== null) return now + Math.min(retryAfterSeconds, 600) * 1000;
  return now + Math.min(60_000, c.pollMinMs * 2 ** Math.max(0, attempt - 1));
}
