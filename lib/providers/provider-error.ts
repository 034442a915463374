import type { ErrorCode } from "./types";

/**
 * An expected failure talking to a provider. The worker decides from `retryable`
 * whether to try again (rate limits, 5xx, network) or fail the job at once (safety, bad input).
 */
export class ProviderError extends Error {
  readonly code: ErrorCode;
  readonly retryable: boolean;
  readonly retryAfterSeconds: number | null;
  readonly httpStatus: number | null;

  constructor(
    code: ErrorCode,
    message: string,
    opts: { retryable?: boolean; retryAfterSeconds?: number | null; httpStatus?: number | null; cause?: unknown } = {},
  ) {
    super(message, { cause: opts.cause });
    this.name = "ProviderError";
    this.code = code;
    this.retryable = opts.retryable ?? (code === "rate_limited" || code === "provider_error");
    this.retryAfterSeconds = opts.retryAfterSeconds ?? null;
    this.httpStatus = opts.httpStatus ?? null;
  }
}

export class WebhookVerificationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WebhookVerificationError";
  }
}

/** Parses a Retry-After header (seconds or HTTP date) into seconds; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000));
}
