/**
 * When a job moves to its next route instead of failing: pure, so the worker's submit, poll,
 * webhook and deadline paths all ask the same question.
 *
 * Rate limits, an empty wallet, a provider outage and a wait that ended before the provider began
 * are about the provider, not the video: another provider may well make it. A safety refusal or
 * an invalid request is about the video: another provider would refuse it too (or should), so
 * the job fails with the provider's reason.
 */
import type { ErrorCode } from "../providers/types";

export interface FailureFacts {
  errorCode: ErrorCode;
  /** The provider's error was marked retryable (a 5xx or outage rather than a generation that failed). */
  retryable: boolean;
  /** The provider had started work (reported running or progress); a timeout after that is not the provider's absence. */
  started: boolean;
}

export interface FallbackState {
  /** The person left fallback on for this job. */
  enabled: boolean;
  /** A route is left to try. */
  hasNextRoute: boolean;
}

/** Whether this failure moves the job to its next route. */
export function shouldFallBack(f: FailureFacts, s: FallbackState): boolean {
  if (!s.enabled || !s.hasNextRoute) return false;
  switch (f.errorCode) {
    case "rate_limited":
    case "quota_exhausted":
      return true;
    case "provider_error":
      return f.retryable;
    case "timeout":
      return !f.started;
    default:
      // content_policy, invalid_input, output_expired, canceled_by_provider, internal: not the provider's absence.
      return false;
  }
}

/** The sentence for one attempt that moved on: "Replicate was rate limited". */
export function attemptOutcome(providerLabel: string, errorCode: ErrorCode): string {
  switch (errorCode) {
    case "rate_limited":
      return `${providerLabel} was rate limited`;
    case "quota_exhausted":
      return `${providerLabel} was out of credit`;
    case "timeout":
      return `${providerLabel} did not start in time`;
    case "provider_error":
      return `${providerLabel} was unavailable`;
    default:
      return `${providerLabel} failed`;
  }
}

/**
 * What the job page and card say about a job that moved: "Replicate was rate limited → made by
 * fal" (succeeded), "… → trying fal" (still going), or just the steps (it failed there too).
 */
export function routeStory(
  moved: ReadonlyArray<{ providerLabel: string; errorCode: ErrorCode }>,
  current: { providerLabel: string; outcome: "made" | "trying" | "ended" },
): string | null {
  if (moved.length === 0) return null;
  const steps = moved.map((m) => attemptOutcome(m.providerLabel, m.errorCode));
  if (current.outcome === "made") steps.push(`made by ${current.providerLabel}`);
  if (current.outcome === "trying") steps.push(`trying ${current.providerLabel}`);
  return steps.join(" → ");
}
