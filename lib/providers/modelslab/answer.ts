/**
 * Reading ModelsLab's answers. Create and fetch share one shape (`status`, `id`, `output[]`,
 * `eta`, `message`); errors may come as HTTP 200 with `status: "error"`, the reason may be
 * misspelt `messege` or be an object of field errors, and there is no error code: refusals
 * and out-of-credit answers are recognised from their wording.
 */
import { ProviderError, SAFETY_MESSAGE, looksLikeSafetyRefusal, shortReason, type ErrorOverride } from "../kit/errors";
import { firstHttpUrl, isRecord, num, str } from "../kit/json";
import { retryAfterHint } from "../kit/rate-limit";
import { mapStatus } from "../kit/status";
import type { ErrorCode, ProviderUpdate } from "../types";
import { SERVICE } from "./request";

export const KEY_HINT = "MODELSLAB_API_KEY";

// [U] ModelsLab has no error codes; these phrasings are guesses at its wallet and limit messages.
const OUT_OF_CREDIT = /insufficient (?:credit|balance|fund)|out of credit|not enough (?:credit|balance)|no (?:credits|balance) left|top[ -]?up|recharge|wallet (?:is )?empty/i;
const RATE_LIMIT = /rate limit|queued requests|too many requests/i;
const BAD_KEY = /invalid api key|api key (?:is )?(?:invalid|missing|required)|unauthori[sz]ed/i;
const VALIDATION = /required|invalid|must|allowed|not supported|field|between|at most|at least/i;

const STATUS = { processing: "running", success: "succeeded", error: "failed", failed: "failed" } as const;

/** The reason in a ModelsLab body: `message` (text, or field → messages), the legacy `messege`, `error`, `tip`. */
export function reasonOf(body: unknown): string | null {
  if (typeof body === "string") return body.trimStart().startsWith("<") ? null : str(body.trim());
  if (!isRecord(body)) return null;
  for (const value of [body.message, body.messege, body.error, body.tip]) {
    const text = flatten(value);
    if (text) return shortReason(text);
  }
  return null;
}

function flatten(value: unknown): string | null {
  if (typeof value === "string") return str(value.trim());
  if (Array.isArray(value)) return value.map(flatten).filter(Boolean).join("; ") || null;
  // Field errors: {"duration": ["The duration must be one of 4, 6, 8."]}
  if (isRecord(value)) return Object.values(value).map(flatten).filter(Boolean).join("; ") || null;
  return null;
}

const quota = (status: number | null) =>
  new ProviderError("quota_exhausted", `Your ${SERVICE} account is out of credit. Add credit with ${SERVICE}, then try again.`, {
    retryable: false,
    httpStatus: status,
  });

/** The client's exceptions to the one HTTP table: wallet wording on any status, and 403 meaning "not on your plan". */
export const errorOverride: ErrorOverride = (f) => {
  if (f.status !== 429 && OUT_OF_CREDIT.test(f.reason ?? "")) return quota(f.status);
  if (f.status === 403 && !looksLikeSafetyRefusal(f.reason)) {
    return new ProviderError("provider_error", `${SERVICE} refused the ${f.what}: your plan does not include it${f.reason ? ` (${f.reason})` : ""}.`, {
      retryable: false,
      httpStatus: 403,
    });
  }
  return undefined;
};

/**
 * An HTTP 200 with `status: "error"` to a create (or list) call: it was not accepted.
 * [U] Which of these refusals are input problems is read from the wording (VALIDATION).
 */
export function createRefusal(body: unknown, headers: Headers, what = "request to create a video"): ProviderError {
  const reason = reasonOf(body);
  const text = reason ?? "";
  const opts = { httpStatus: 200 };
  if (looksLikeSafetyRefusal(text)) return new ProviderError("content_policy", SAFETY_MESSAGE, { ...opts, retryable: false });
  if (OUT_OF_CREDIT.test(text)) return quota(200);
  if (RATE_LIMIT.test(text)) {
    return new ProviderError("rate_limited", `${SERVICE} is rate-limiting requests right now; Dailies will try again shortly.`, {
      ...opts,
      retryable: true,
      retryAfterSeconds: retryAfterHint(headers, body, "retry_after"),
    });
  }
  if (BAD_KEY.test(text)) return new ProviderError("provider_error", `${SERVICE} rejected the API key: check ${KEY_HINT}.`, { ...opts, retryable: false });
  if (reason && VALIDATION.test(reason)) {
    return new ProviderError("invalid_input", `${SERVICE} refused the ${what}: ${reason}.`, { ...opts, retryable: false });
  }
  return new ProviderError("provider_error", `${SERVICE} did not accept the ${what}${reason ? `: ${reason}` : ""}.`, { ...opts, retryable: false });
}

/** [U] An HTTP 200 with `status: "error"` to a fetch that is about the call, not the job (a key or rate problem): ask again later. */
export function fetchCallProblem(body: unknown): ProviderError | null {
  const text = reasonOf(body) ?? "";
  if (RATE_LIMIT.test(text)) return new ProviderError("rate_limited", `${SERVICE} is rate-limiting status checks; Dailies will ask again.`, { retryable: true });
  if (BAD_KEY.test(text)) return new ProviderError("provider_error", `${SERVICE} rejected the API key: check ${KEY_HINT}.`, { retryable: true });
  return null;
}

/** Why a job failed, as a code and a sentence. [U] How video refusals surface is undocumented: a policy-like message is one. */
export function failureOf(reason: string | null): { errorCode: ErrorCode; message: string } {
  if (looksLikeSafetyRefusal(reason)) return { errorCode: "content_policy", message: SAFETY_MESSAGE };
  if (OUT_OF_CREDIT.test(reason ?? "")) return { errorCode: "quota_exhausted", message: quota(null).message };
  return { errorCode: "provider_error", message: `${SERVICE} could not make this video${reason ? `: ${reason}.` : "."}` };
}

/** The job id in an answer (an integer in the docs; strings tolerated). */
export function idOf(body: unknown): string | null {
  if (!isRecord(body)) return null;
  const id = body.id;
  if (typeof id === "number" && Number.isFinite(id)) return String(id);
  return str(typeof id === "string" ? id.trim() : null);
}

/** A create or fetch answer (or a webhook body) → our update. */
export function updateOf(body: unknown): ProviderUpdate {
  const record = isRecord(body) ? body : {};
  const status = mapStatus(SERVICE, record.status, STATUS);
  const seconds = num(record.generationTime);
  const report = seconds !== null && seconds >= 0 ? { latencyMs: Math.round(seconds * 1000) } : undefined;
  if (status === "succeeded") {
    const outputUrl = firstHttpUrl(record.output, record.proxy_links);
    if (outputUrl) return { status, outputUrl, ...(report ? { report } : {}), raw: body };
    return { status: "failed", errorCode: "provider_error", message: `${SERVICE} reported success but sent no video address.`, raw: body };
  }
  if (status === "failed") return { status, ...failureOf(reasonOf(body)), raw: body };
  const eta = num(record.eta);
  return eta !== null && eta >= 0 ? { status: "running", etaSeconds: Math.ceil(eta), raw: body } : { status: "running", raw: body };
}
