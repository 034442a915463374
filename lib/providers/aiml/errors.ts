/**
 * AI.ML's exceptions to the kit's error table. Its only documented error shape is
 * `{ error: { code, message } }`; the codes for safety and credit are not documented, so they
 * are recognised by wording.
 */
import { ProviderError, SAFETY_MESSAGE, looksLikeSafetyRefusal, shortReason, type ErrorOverride } from "../kit/errors";
import { at, str } from "../kit/json";
import type { ProviderUpdate } from "../types";

// [U] Safety and credit error codes are not documented; Seedance-style codes ("InputTextSensitiveContentDetected") are assumed.
const SAFETY_CODE = /sensitive|safety|polic|moderation|nsfw/i;
const QUOTA_CODE = /credit|balance|quota|insufficient|billing/i;

export const aimlErrors: ErrorOverride = (f) => {
  const code = str(at(f.body, "error", "code"));
  if (code && SAFETY_CODE.test(code)) return new ProviderError("content_policy", SAFETY_MESSAGE, { httpStatus: f.status, retryable: false });
  if (code && QUOTA_CODE.test(code)) {
    return new ProviderError("quota_exhausted", "Your AI.ML account is out of credit. Add credit with AI.ML, then try again.", {
      httpStatus: f.status,
      retryable: false,
    });
  }
  return undefined;
};

/** A task that ended `failed`, with its optional `error` object ([U] assumed `{code, message}` like the HTTP errors). */
export function failedTask(error: unknown, raw: unknown): ProviderUpdate {
  const code = str(at(error, "code")) ?? (typeof error === "string" ? error : null);
  const message = str(at(error, "message"));
  if ((code && SAFETY_CODE.test(code)) || looksLikeSafetyRefusal(message)) {
    return { status: "failed", errorCode: "content_policy", message: SAFETY_MESSAGE, raw };
  }
  const why = message ?? code;
  return {
    status: "failed",
    errorCode: "provider_error",
    message: why ? `AI.ML could not make this video: ${shortReason(why)}.` : "AI.ML could not make this video.",
    raw,
  };
}
