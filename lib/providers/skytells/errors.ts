/**
 * Skytells' errors by `error_id`, in both documented shapes: the envelope
 * `{status:false, response, error:{http_status, message, details, error_id}}` and the flat
 * `{error_id, message}`. Only what differs from the kit's table is overridden here.
 */
import { ProviderError, SAFETY_MESSAGE, looksLikeSafetyRefusal, shortReason, type ErrorOverride } from "../kit/errors";
import { at, isRecord, str } from "../kit/json";

export const SERVICE = "Skytells";

export function errorIdOf(body: unknown): string | null {
  const id = str(at(body, "error", "error_id")) ?? (isRecord(body) ? str(body.error_id) : null);
  return id ? id.toUpperCase() : null;
}

/** Skytells' message, with its `details` when they add something ("duration_seconds must be ..."). */
export function skytellsReason(body: unknown): string | null {
  if (typeof body === "string") return body.trimStart().startsWith("<") ? null : str(body.trim());
  if (!isRecord(body)) return null;
  const message = str(at(body, "error", "message")) ?? str(body.message) ?? str(body.error) ?? str(body.response);
  const rawDetails = at(body, "error", "details") ?? body.details;
  const details = typeof rawDetails === "string" ? str(rawDetails) : isRecord(rawDetails) || Array.isArray(rawDetails) ? JSON.stringify(rawDetails) : null;
  if (message && details && !message.includes(details)) return `${message.replace(/[.\s]+$/, "")} (${details})`;
  return message ?? details;
}

/** The poll's operation name: the one place a 502 can mean "no such prediction". */
export const STATUS_WHAT = "status request";

const QUOTA = new Set(["INSUFFICIENT_CREDITS", "PAYMENT_REQUIRED"]);
const RATE = new Set(["RATE_LIMIT_EXCEEDED", "RATE_LIMITED", "INFERENCE_RATE_LIMITED"]);
const INVALID = new Set(["VALIDATION_ERROR", "INVALID_INPUT", "INVALID_PARAMETER", "INVALID_REQUEST"]);

export const skytellsErrors: ErrorOverride = (f) => {
  const id = errorIdOf(f.body);
  const opts = { httpStatus: f.status, retryable: false };
  if (id === "CONTENT_POLICY_VIOLATION") return new ProviderError("content_policy", SAFETY_MESSAGE, opts);
  if (id && QUOTA.has(id)) {
    return new ProviderError("quota_exhausted", `Your Skytells account is out of credits. Add credits in the Skytells dashboard, then try again.`, opts);
  }
  if (id && RATE.has(id)) {
    return new ProviderError("rate_limited", "Skytells is rate-limiting requests right now; Dailies will try again shortly.", {
      httpStatus: f.status,
      retryable: true,
      retryAfterSeconds: f.retryAfterSeconds,
    });
  }
  if (id && INVALID.has(id)) {
    return new ProviderError("invalid_input", `Skytells refused the ${f.what}: ${f.reason ?? "the input is not valid"}.`, opts);
  }
  if (id === "ACCOUNT_SUSPENDED") {
    return new ProviderError("provider_error", "Skytells says this account is suspended. Sort it out in the Skytells dashboard, then try again.", opts);
  }
  // [U] Skytells answers 502 (never 404) for a prediction it does not know; the error_id for that
  // case is not documented, so "not found" is read from the id or the message.
  if (f.status === 502 && f.what === STATUS_WHAT && (/NOT_FOUND/.test(id ?? "") || /not (?:be )?found|does not exist|no such/i.test(f.reason ?? ""))) {
    return new ProviderError("provider_error", `Skytells has no record of this job any more${f.reason ? ` (${f.reason})` : ""}. Run it again.`, opts);
  }
  return undefined;
};

/** A prediction that ended `failed`: serving-time moderation reads as a safety refusal, anything else is Skytells' own sentence. */
export function failureOf(prediction: unknown): { errorCode: "content_policy" | "provider_error"; message: string } {
  const text = str(at(prediction, "error", "message")) ?? str(at(prediction, "error")) ?? (isRecord(prediction) ? str(prediction.response) : null);
  if (errorIdOf(prediction) === "CONTENT_POLICY_VIOLATION" || looksLikeSafetyRefusal(text)) {
    return { errorCode: "content_policy", message: SAFETY_MESSAGE };
  }
  return { errorCode: "provider_error", message: text ? `Skytells could not make this video: ${shortReason(text)}.` : "Skytells could not make this video." };
}
