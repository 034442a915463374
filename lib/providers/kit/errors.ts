/**
 * The provider kit's error types and the one HTTP status → errorCode table. A leaf module:
 * lib/http and lib/webhooks may import it; it imports no provider.
 */
import type { ErrorCode } from "../types";

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

/** The one sentence for a safety refusal, whoever refused. */
export const SAFETY_MESSAGE = "The provider refused this prompt or image for safety reasons. Rephrase it and try again.";

const SAFETY_TEXT =
  /content[ _-]?policy|\bnsfw\b|flagged (?:as sensitive|by (?:the |our )?safety)|safety (?:checker|filter|system|reasons?)|moderation|\bE005\b|inappropriate content/i;

/** Whether a provider's free-text error reads as a safety refusal (for providers without a structured code). */
export function looksLikeSafetyRefusal(text: string | null | undefined): boolean {
  return !!text && SAFETY_TEXT.test(text);
}

/** Parses a Retry-After header (seconds or HTTP date) into seconds; null when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

/** What the table sees of a non-2xx answer. */
export interface HttpFailure {
  /** "Skytells": used in sentences. */
  service: string;
  /** "request to create a video": the operation, for sentences. */
  what: string;
  /** The setting that holds the key, for "check X" sentences. */
  keyHint: string;
  status: number;
  headers: Headers;
  /** Parsed JSON body, or its text when it was not JSON, or null. */
  body: unknown;
  /** The provider's own reason, extracted from the body (already short), or null. */
  reason: string | null;
  retryAfterSeconds: number | null;
}

/** A provider's exceptions to the table: return an error to use instead, or undefined to fall through. */
export type ErrorOverride = (failure: HttpFailure) => ProviderError | undefined;

/** The one HTTP status → errorCode table. */
export function classifyHttpFailure(f: HttpFailure, override?: ErrorOverride): ProviderError {
  const custom = override?.(f);
  if (custom) return custom;
  const opts = { httpStatus: f.status };
  const why = f.reason ? `: ${f.reason}` : ".";
  if (f.status === 429) {
    return new ProviderError("rate_limited", `${f.service} is rate-limiting requests right now; Dailies will try again shortly.`, {
      ...opts,
      retryable: true,
      retryAfterSeconds: f.retryAfterSeconds,
    });
  }
  if (f.status === 402) {
    return new ProviderError(
      "quota_exhausted",
      `Your ${f.service} account is out of credit. Add credit with ${f.service}, then try again.`,
      { ...opts, retryable: false },
    );
  }
  if (f.status === 451 || looksLikeSafetyRefusal(f.reason)) {
    return new ProviderError("content_policy", SAFETY_MESSAGE, { ...opts, retryable: false });
  }
  if (f.status === 401 || f.status === 403) {
    return new ProviderError("provider_error", `${f.service} rejected the API key: check ${f.keyHint}.`, { ...opts, retryable: false });
  }
  if (f.status === 408 || f.status === 504) {
    return new ProviderError("timeout", `${f.service} timed out during the ${f.what}; Dailies will try again.`, { ...opts, retryable: true });
  }
  if (f.status >= 500) {
    return new ProviderError("provider_error", `${f.service} had a server error (HTTP ${f.status}) during the ${f.what}; Dailies will try again.`, {
      ...opts,
      retryable: true,
      retryAfterSeconds: f.retryAfterSeconds,
    });
  }
  if (f.status === 400 || f.status === 409 || f.status === 413 || f.status === 422) {
    return new ProviderError("invalid_input", `${f.service} refused the ${f.what}${why}`, { ...opts, retryable: false });
  }
  return new ProviderError("provider_error", `${f.service} answered HTTP ${f.status} to the ${f.what}${why}`, { ...opts, retryable: false });
}

/** Keeps a provider's reason to one readable line. */
export function shortReason(text: string, max = 300): string {
  const oneLine = text.replace(/\s+/g, " ").trim().replace(/[.\s]+$/, "");
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}
