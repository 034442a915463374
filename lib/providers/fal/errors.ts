/**
 * fal's exceptions to the kit's error table. Model errors carry `{"detail":[{loc,msg,type}]}`
 * and we branch on `type` (messages change wording); infrastructure errors carry
 * `error_type` / `X-Fal-Error-Type`; an exhausted balance comes as a 403 sentence. The same
 * rules serve HTTP answers and webhook ERRORs.
 */
import "server-only";
import { defaultReason } from "../kit/client";
import { classifyHttpFailure, ProviderError, SAFETY_MESSAGE, shortReason, type ErrorOverride, type HttpFailure } from "../kit/errors";
import { at, isRecord, str } from "../kit/json";
import { retryAfterHint } from "../kit/rate-limit";

export const SERVICE = "fal";
export const KEY_HINT = "FAL_KEY";

interface DetailItem {
  loc: unknown[];
  msg: string;
  type: string;
}

const POLICY_TYPE = /content_policy|safety|nsfw/i;
const PAYMENT_TEXT = /insufficient (?:balance|credits?|funds)|exhausted/i;

export const falErrors: ErrorOverride = (f) => {
  const opts = { httpStatus: f.status };
  if (detailItems(f.body).some((i) => POLICY_TYPE.test(i.type))) return new ProviderError("content_policy", SAFETY_MESSAGE, { ...opts, retryable: false });
  const errorType = f.headers.get("x-fal-error-type") ?? str(at(f.body, "error_type"));
  if (errorType === "request_timeout") return new ProviderError("timeout", "fal timed out running this request. Try again.", { ...opts, retryable: true });
  if (errorType === "startup_timeout" || errorType?.startsWith("runner_")) {
    return new ProviderError("provider_error", `fal could not run the model right now (${errorType}). Try again shortly.`, { ...opts, retryable: true });
  }
  if (f.status !== 402 && f.status !== 429 && PAYMENT_TEXT.test(f.reason ?? "")) return classifyHttpFailure({ ...f, status: 402 });
  if (f.status >= 500 && f.headers.get("x-fal-retryable")?.toLowerCase() === "false") {
    return new ProviderError("provider_error", `fal failed this request (HTTP ${f.status}) and says retrying will not help.`, { ...opts, retryable: false });
  }
  return undefined;
};

/** fal's reason: each detail item as "field: message", a string detail, or the usual shapes. */
export function falReason(body: unknown): string | null {
  const items = detailItems(body);
  if (items.length > 0) return items.map(describeItem).join("; ");
  return defaultReason(body);
}

/** Whether an error answer came from fal's model/queue layer rather than a proxy in between. */
export function isFalErrorBody(body: unknown, headers: Headers): boolean {
  if (headers.get("x-fal-error-type")) return true;
  return isRecord(body) && ("detail" in body || "error_type" in body);
}

/**
 * A webhook ERROR: its `error` text ("Invalid status code: 422") gives the HTTP status, when
 * there is one, and its payload is the error body fal would have answered.
 */
export function webhookFailure(errorText: string | null, payload: unknown): ProviderError {
  const status = Number(errorText?.match(/status code:?\s*(\d{3})\b/i)?.[1] ?? Number.NaN);
  const headers = new Headers();
  const reason = falReason(payload) ?? errorText;
  const failure: HttpFailure = {
    service: SERVICE,
    what: "video job",
    keyHint: KEY_HINT,
    status: Number.isFinite(status) ? status : 0,
    headers,
    body: payload,
    reason: reason ? shortReason(reason) : null,
    retryAfterSeconds: retryAfterHint(headers, payload),
  };
  if (failure.status > 0) return classifyHttpFailure(failure, falErrors);
  return falErrors(failure) ?? new ProviderError("provider_error", `fal reported a failure (${failure.reason ?? "no details"}).`, { retryable: false });
}

function detailItems(body: unknown): DetailItem[] {
  if (!isRecord(body) || !Array.isArray(body.detail)) return [];
  return body.detail.filter(isRecord).map((d) => ({
    loc: Array.isArray(d.loc) ? d.loc : [],
    msg: str(d.msg) ?? "",
    type: str(d.type) ?? "",
  }));
}

function describeItem(item: DetailItem): string {
  const where = item.loc.filter((p) => p !== "body").join(".");
  const what = item.msg || item.type || "invalid value";
  return where ? `${where}: ${what}` : what;
}
