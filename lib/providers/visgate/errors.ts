/**
 * Visgate's exceptions to the kit's error table, from its SDK's error mapping: 422
 * `{ message, details: { field } }`, 429 + Retry-After, and `{ error: "<CODE>", message,
 * details }` otherwise, where a code containing PROVIDER means the upstream failed.
 */
import { ProviderError, SAFETY_MESSAGE, looksLikeSafetyRefusal, shortReason, type ErrorOverride } from "../kit/errors";
import { at, isRecord, str } from "../kit/json";

// [U] No credit/quota code is documented; codes naming credit, balance or quota are taken as "out of credit".
const QUOTA_CODE = /CREDIT|BALANCE|QUOTA|PAYMENT/i;

/** The reason in Visgate's bodies, with the field a validation error names. */
export function visgateReason(body: unknown): string | null {
  if (typeof body === "string") return body.trimStart().startsWith("<") ? null : str(body.trim());
  const message = str(at(body, "message")) ?? str(at(body, "error", "message")) ?? str(at(body, "detail"));
  const field = str(at(body, "details", "field"));
  if (message && field && !message.includes(field)) return `${message} (${field})`;
  return message ?? (isRecord(body) ? str(body.error) : null);
}

const upstreamOf = (body: unknown) => str(at(body, "details", "provider")) ?? str(at(body, "provider"));

export const visgateErrors: ErrorOverride = (f) => {
  const code = str(at(f.body, "error")) ?? str(at(f.body, "error", "code"));
  const opts = { httpStatus: f.status, retryable: false };
  if (code && QUOTA_CODE.test(code)) {
    return new ProviderError("quota_exhausted", "Your Visgate account is out of credit. Add credit with Visgate, then try again.", opts);
  }
  if (code === "MODEL_NOT_FOUND") {
    return new ProviderError("invalid_input", `Visgate does not offer this model${f.reason ? `: ${f.reason}` : "."}`, opts);
  }
  if (code?.includes("PROVIDER") && !looksLikeSafetyRefusal(f.reason)) {
    const upstream = upstreamOf(f.body);
    return new ProviderError(
      "provider_error",
      `Visgate's upstream provider${upstream ? ` (${upstream})` : ""} failed${f.reason ? `: ${f.reason}` : ""}; Dailies will try again.`,
      { httpStatus: f.status, retryable: true, retryAfterSeconds: f.retryAfterSeconds },
    );
  }
  return undefined;
};

/** A request that ended `failed`: `error_message` (SDK shape) or an `error` object (API.md shape). */
export function failureMessage(body: unknown): { errorCode: "content_policy" | "provider_error"; message: string } {
  const reason = str(at(body, "error_message")) ?? str(at(body, "error", "message")) ?? str(at(body, "error")) ?? str(at(body, "result", "error"));
  if (looksLikeSafetyRefusal(reason) || looksLikeSafetyRefusal(str(at(body, "error", "code")))) return { errorCode: "content_policy", message: SAFETY_MESSAGE };
  const upstream = upstreamOf(at(body, "error")) ?? str(at(body, "provider"));
  const who = upstream ? `Visgate (through ${upstream})` : "Visgate";
  return { errorCode: "provider_error", message: reason ? `${who} could not make this video: ${shortReason(reason)}.` : `${who} could not make this video.` };
}
