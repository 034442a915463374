/**
 * fal's error shapes → our error codes. Model errors carry `{"detail":[{loc,msg,type}]}`
 * and we branch on `type` (messages change wording); infrastructure errors carry
 * `error_type` / `X-Fal-Error-Type`. The same rules serve HTTP answers and webhook ERRORs.
 */
import "server-only";
import type { ErrorCode } from "../types";
import { ProviderError, parseRetryAfter } from "../kit/errors";
import { isRecord, readJson } from "./http";

export const CONTENT_POLICY_MESSAGE =
  "The provider refused this prompt or image for safety reasons. Rephrase it and try again.";

export interface FalFailure {
  code: ErrorCode;
  message: string;
  retryable: boolean;
  retryAfterSeconds: number | null;
  httpStatus: number | null;
}

export interface FalFailureInput {
  httpStatus: number | null;
  /** Parsed JSON body, or its text when it was not JSON. */
  body: unknown;
  /** `X-Fal-Error-Type` header. */
  errorType?: string | null;
  retryAfter?: string | null;
  /** `X-Fal-Retryable` header. */
  retryableHint?: string | null;
  /** The `error` string of a webhook ERROR. */
  errorText?: string | null;
}

interface DetailItem {
  loc: unknown[];
  msg: string;
  type: string;
}

const POLICY_TYPE = /content_policy|safety|nsfw/i;
// Only for free-text details, which have no type to branch on.
const POLICY_TEXT = /content[ _-]?policy|nsfw|flagged by (?:the |our )?safety|safety (?:checker|filter|system)/i;
const PAYMENT_TEXT = /insufficient (?:balance|credits?|funds)|exhausted/i;

export function classifyFalFailure(input: FalFailureInput): FalFailure {
  const { httpStatus, body } = input;
  const items = detailItems(body);
  const detailText = stringDetail(body);
  const errorType = input.errorType ?? (isRecord(body) && typeof body.error_type === "string" ? body.error_type : null);
  const allText = [detailText, input.errorText, ...items.map((i) => i.msg), isRecord(body) ? body.error : null]
    .filter((t): t is string => typeof t === "string")
    .join(" ");
  const fail = (code: ErrorCode, message: string, retryable: boolean, retryAfterSeconds: number | null = null): FalFailure => ({
    code,
    message,
    retryable,
    retryAfterSeconds,
    httpStatus,
  });

  if (items.some((i) => POLICY_TYPE.test(i.type))) return fail("content_policy", CONTENT_POLICY_MESSAGE, false);
  if (httpStatus === 429) {
    return fail("rate_limited", "fal is rate-limiting requests; the job will be retried shortly.", true, parseRetryAfter(input.retryAfter ?? null));
  }
  if (httpStatus === 402 || PAYMENT_TEXT.test(allText)) {
    return fail("quota_exhausted", "Your fal balance is used up. Top it up at fal.ai/dashboard/billing, then retry.", false);
  }
  if (httpStatus === 401 || httpStatus === 403) {
    return fail("provider_error", "fal rejected the API key. Check FAL_KEY (Settings → API keys on fal.ai).", false);
  }
  if (errorType === "request_timeout") return fail("timeout", "fal timed out running this request. Try again.", true);
  if (errorType && (errorType === "startup_timeout" || errorType.startsWith("runner_"))) {
    return fail("provider_error", `fal could not run the model right now (${errorType}). Try again shortly.`, true);
  }
  if (httpStatus !== null && httpStatus >= 500) {
    const retryable = input.retryableHint?.toLowerCase() !== "false";
    return fail("provider_error", `fal had a server error (HTTP ${httpStatus}). Try again shortly.`, retryable);
  }
  if (detailText && POLICY_TEXT.test(detailText)) return fail("content_policy", CONTENT_POLICY_MESSAGE, false);
  if (httpStatus === 404) return fail("provider_error", "fal does not know this model endpoint; it may have been retired.", false);
  if (items.length > 0 || detailText || (httpStatus !== null && httpStatus >= 400 && httpStatus < 500)) {
    const reason = items.length > 0 ? items.map(describeItem).join("; ") : (detailText ?? input.errorText ?? `HTTP ${httpStatus}`);
    return fail("invalid_input", `fal rejected the request: ${trimSentence(reason)}.`, false);
  }
  const reason = input.errorText ?? (errorType ? `error type ${errorType}` : "no details");
  return fail("provider_error", `fal reported a failure (${trimSentence(reason)}).`, input.retryableHint?.toLowerCase() === "true");
}

export function toProviderError(failure: FalFailure, cause?: unknown): ProviderError {
  return new ProviderError(failure.code, failure.message, {
    retryable: failure.retryable,
    retryAfterSeconds: failure.retryAfterSeconds,
    httpStatus: failure.httpStatus,
    cause,
  });
}

/** Reads the body of a non-2xx answer and classifies it. */
export async function failureFromResponse(res: Response): Promise<{ failure: FalFailure; body: unknown }> {
  const body = await readJson(res).catch(() => null);
  const failure = classifyFalFailure({
    httpStatus: res.status,
    body,
    errorType: res.headers.get("x-fal-error-type"),
    retryAfter: res.headers.get("retry-after"),
    retryableHint: res.headers.get("x-fal-retryable"),
  });
  return { failure, body };
}

export async function providerErrorFromResponse(res: Response): Promise<ProviderError> {
  const { failure, body } = await failureFromResponse(res);
  return toProviderError(failure, body);
}

/** Whether an error answer came from fal's model/queue layer rather than a proxy in between. */
export function isFalErrorBody(body: unknown, headers: Headers): boolean {
  if (headers.get("x-fal-error-type")) return true;
  return isRecord(body) && ("detail" in body || "error_type" in body);
}

function detailItems(body: unknown): DetailItem[] {
  if (!isRecord(body) || !Array.isArray(body.detail)) return [];
  return body.detail.filter(isRecord).map((d) => ({
    loc: Array.isArray(d.loc) ? d.loc : [],
    msg: typeof d.msg === "string" ? d.msg : "",
    type: typeof d.type === "string" ? d.type : "",
  }));
}

function stringDetail(body: unknown): string | null {
  if (typeof body === "string") return body.length > 0 && !body.trimStart().startsWith("<") ? body : null;
  if (isRecord(body) && typeof body.detail === "string") return body.detail;
  return null;
}

function describeItem(item: DetailItem): string {
  const where = item.loc.filter((p) => p !== "body").join(".");
  const what = item.msg || item.type || "invalid value";
  return where ? `${where}: ${what}` : what;
}

function trimSentence(text: string): string {
  const oneLine = text.replace(/\s+/g, " ").trim().replace(/[.\s]+$/, "");
  return oneLine.length > 300 ? `${oneLine.slice(0, 297)}...` : oneLine;
}
