/**
 * Replicate's free-text prediction errors → error codes. Replicate has no structured safety
 * code, so refusals are found by substring: the kit's markers plus any mention of "safety"
 * ("Failed safety check"), which Replicate's models use in many wordings.
 */
import "server-only";
import { looksLikeSafetyRefusal, SAFETY_MESSAGE, shortReason } from "../kit/errors";
import type { ErrorCode } from "../types";

export function classifyPredictionError(error: unknown): { errorCode: ErrorCode; message: string } {
  const text = typeof error === "string" ? error.trim() : error == null ? "" : JSON.stringify(error);
  if (looksLikeSafetyRefusal(text) || /\bsafety\b/i.test(text)) return { errorCode: "content_policy", message: SAFETY_MESSAGE };
  return {
    errorCode: "provider_error",
    message: text ? `Replicate could not make this video: ${shortReason(text, 500)}` : "Replicate could not make this video and gave no reason.",
  };
}
