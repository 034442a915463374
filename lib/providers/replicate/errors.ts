/**
 * Turns Replicate's answers into ProviderErrors and its free-text prediction errors into
 * error codes. Replicate has no structured safety code, so refusals are found by substring.
 */
import "server-only";
import { ProviderError, parseRetryAfter } from "../provider-error";
import type { ErrorCode } from "../types";
import { readCappedStream } from "../../http/read-body";

const MAX_DETAIL_CHARS = 500;
const MAX_ERROR_BODY_BYTES = 64 * 1024;

/** Replicate's problem-details body (`type`, `title`, `detail`, `status`, sometimes `invalid_fields`). */
interface ProblemDetails {
  title?: unknown;
  detail?: unknown;
  invalid_fields?: unknown;
}

/** Reads the start of the error body and classifies the HTTP status. */
export async function errorFromResponse(res: Response, what: string): Promise<ProviderError> {
  const text = ((await readCappedStream(res.body, MAX_ERROR_BODY_BYTES, { truncate: true }).catch(() => null)) ?? Buffer.alloc(0)).toString("utf8");
  return classifyHttpError(res.status, res.headers, text, what);
}


export function classifyHttpError(status: number, headers: Headers, bodyText: string, what: string): ProviderError {
  const detail = problemDetail(bodyText);
  const opts = { httpStatus: status };
  if (status === 429) {
    const retryAfterSeconds = parseRetryAfter(headers.get("retry-after")) ?? retryAfterFromDetail(detail);
    return new ProviderError("rate_limited", "Replicate is rate-limiting requests right now; we will try again shortly.", {
      ...opts,
      retryable: true,
      retryAfterSeconds,
    });
  }
  if (status === 402) {
    return new ProviderError(
      "quota_exhausted",
      "Your Replicate account is out of credit. Add credit at replicate.com/account/billing, then try again.",
      { ...opts, retryable: false },
    );
  }
  if (status === 401 || status === 403) {
    return new ProviderError("provider_error", "Replicate rejected the API token — check REPLICATE_API_TOKEN.", {
      ...opts,
      retryable: false,
    });
  }
  if (status === 400 || status === 422) {
    const why = detail ?? "no reason given";
    return new ProviderError("invalid_input", `Replicate refused the ${what}: ${why}`, { ...opts, retryable: false });
  }
  if (status >= 500) {
    return new ProviderError("provider_error", `Replicate had a server error (HTTP ${status}) during ${what}; we will try again.`, {
      ...opts,
      retryable: true,
    });
  }
  const suffix = detail ? `: ${detail}` : ".";
  return new ProviderError("provider_error", `Replicate answered HTTP ${status} to the ${what}${suffix}`, {
    ...opts,
    retryable: false,
  });
}

/** `detail` (plus any invalid fields) from a problem-details body, or the start of a non-JSON body. */
function problemDetail(bodyText: string): string | null {
  if (!bodyText.trim()) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(bodyText);
  } catch {
    return truncate(bodyText.trim());
  }
  if (!parsed || typeof parsed !== "object") return null;
  const p = parsed as ProblemDetails;
  const parts: string[] = [];
  if (typeof p.detail === "string" && p.detail) parts.push(p.detail);
  else if (typeof p.title === "string" && p.title) parts.push(p.title);
  if (Array.isArray(p.invalid_fields) && p.invalid_fields.length > 0) {
    const fields = p.invalid_fields
      .map((f) => (f && typeof f === "object" && "field" in f ? String((f as { field: unknown }).field) : null))
      .filter((f): f is string => !!f);
    if (fields.length > 0) parts.push(`(fields: ${fields.join(", ")})`);
  }
  return parts.length > 0 ? truncate(parts.join(" ")) : null;
}

/** Replicate says "Your rate limit resets in ~30s." when it sends no Retry-After header. */
export function retryAfterFromDetail(detail: string | null): number | null {
  const m = detail?.match(/~\s*(\d+)\s*s\b/);
  return m?.[1] ? Number(m[1]) : null;
}

const SAFETY_MARKERS = /flagged as sensitive|\bE005\b|\bnsfw\b|safety|content policy/i;

export const SAFETY_MESSAGE = "The provider refused this prompt or image for safety reasons. Rephrase it and try again.";

/** The error code and a sentence for a prediction that ended `failed`. */
export function classifyPredictionError(error: unknown): { errorCode: ErrorCode; message: string } {
  const text = typeof error === "string" ? error.trim() : error == null ? "" : JSON.stringify(error);
  if (SAFETY_MARKERS.test(text)) return { errorCode: "content_policy", message: SAFETY_MESSAGE };
  return {
    errorCode: "provider_error",
    message: text ? `Replicate could not make this video: ${truncate(text)}` : "Replicate could not make this video and gave no reason.",
  };
}

function truncate(s: string): string {
  return s.length > MAX_DETAIL_CHARS ? `${s.slice(0, MAX_DETAIL_CHARS)}…` : s;
}
