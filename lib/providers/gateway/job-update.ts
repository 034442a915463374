/**
 * A gateway job answer → ProviderUpdate. The guide confirms `progress` 0–100, `result.url`
 * (a signed link to the gateway's mirror), `result.mirror_status: "failed"` and
 * `status: "failed"` with `error: "timeout"`; the rest of the vocabulary is [U].
 */
import { looksLikeSafetyRefusal, SAFETY_MESSAGE, shortReason } from "../kit/errors";
import { firstHttpUrl, isRecord, num, str } from "../kit/json";
import { mapStatus, progressOf, type StatusTable } from "../kit/status";
import type { ErrorCode, ProviderUpdate } from "../types";
import { SERVICE } from "./request";
import { readField, type GatewayWire } from "./wire";

// [U] Only "failed" is named by the guide; the others are the usual spellings.
const STATUSES: StatusTable = {
  queued: "queued",
  pending: "queued",
  submitted: "queued",
  accepted: "queued",
  running: "running",
  processing: "running",
  in_progress: "running",
  mirroring: "running",
  succeeded: "succeeded",
  success: "succeeded",
  completed: "succeeded",
  complete: "succeeded",
  done: "succeeded",
  failed: "failed",
  error: "failed",
  canceled: "canceled",
  cancelled: "canceled",
};

export const MIRROR_LOST_MESSAGE =
  "The video gateway finished the video but could not keep the file (copying it to its storage failed) and gave no other link to it. Run the job again.";
export const MIRROR_EXPIRED_MESSAGE =
  "The video gateway could not keep the file (copying it to its storage failed), and the upstream provider's link expired before Dailies could copy it. Run the job again.";
export const TIMEOUT_MESSAGE =
  "The video gateway's upstream provider did not finish within the gateway's 1-hour limit, so the gateway canceled the job. Run it again.";

export interface OutputFacts {
  url: string | null;
  /** `result.mirror_status: "failed"`: the link (if any) is the upstream's own, short-lived one. */
  mirrorFailed: boolean;
}

/** Where the finished video is, mirrored or not. */
export function outputFacts(body: unknown, wire: GatewayWire): OutputFacts {
  const f = wire.fields;
  const mirrorFailed = str(readField(body, f.mirrorStatus))?.toLowerCase() === "failed";
  return { url: firstHttpUrl(readField(body, f.outputUrl), readField(body, f.upstreamUrl)), mirrorFailed };
}

export function updateFromJob(body: unknown, wire: GatewayWire): ProviderUpdate {
  const f = wire.fields;
  const rawStatus = readField(body, f.status);
  const progress = progressOf(readField(body, f.progress));
  const output = outputFacts(body, wire);
  const extras = reportOf(body, wire);

  let status: ProviderUpdate["status"];
  if (typeof rawStatus === "string" && STATUSES[rawStatus.trim().toLowerCase()]) status = STATUSES[rawStatus.trim().toLowerCase()]!;
  else if (output.url) status = "succeeded"; // the guide's signal for done is `result.url`
  else if (rawStatus === undefined || rawStatus === null) status = progress ? "running" : "queued";
  else status = mapStatus("gateway", rawStatus, STATUSES);

  if (status === "failed") return { ...failureOf(readField(body, f.error), body), ...extras, raw: body };
  if (status === "succeeded") {
    if (output.url) return { status, progress: 1, outputUrl: output.url, ...extras, raw: body };
    if (output.mirrorFailed) return { status: "failed", errorCode: "provider_error", message: MIRROR_LOST_MESSAGE, ...extras, raw: body };
    // A "done" without a link yet: keep polling rather than fail a finished video.
    return { status: "running", progress: 1, raw: body };
  }
  return progress === undefined ? { status, ...extras, raw: body } : { status, progress, ...extras, raw: body };
}

function reportOf(body: unknown, wire: GatewayWire): Pick<ProviderUpdate, "report" | "cost"> {
  const f = wire.fields;
  const result = readField(body, "result");
  const servedModel = str(readField(body, f.servedModel)) ?? str(readField(result, f.servedModel));
  const credits = num(readField(body, f.credits)) ?? num(readField(result, f.credits));
  return { ...(servedModel ? { report: { servedModel } } : {}), ...(credits !== null ? { cost: { credits } } : {}) };
}

/** `error` as a code string ("timeout"), or `{code, message}`, with an optional top-level `message`. */
function failureOf(error: unknown, body: unknown): { status: "failed"; errorCode: ErrorCode; message: string } {
  const code = str(error) ?? str(readField(error, "code")) ?? str(readField(error, "type")) ?? "";
  const reason = str(readField(error, "message")) ?? str(isRecord(body) ? body.message : null) ?? (code || null);
  const text = `${code} ${reason ?? ""}`;
  if (/^timeout$|timed[ _-]?out/i.test(code) || /^timeout$/i.test(reason ?? "")) {
    return { status: "failed", errorCode: "timeout", message: TIMEOUT_MESSAGE };
  }
  if (looksLikeSafetyRefusal(text) || /safety|refus/i.test(code)) return { status: "failed", errorCode: "content_policy", message: SAFETY_MESSAGE };
  if (/quota|rate[ _-]?limit|\b429\b/i.test(text)) {
    return { status: "failed", errorCode: "rate_limited", message: `${SERVICE}'s upstream provider is out of quota and no fallback model took the job. Try again later.` };
  }
  const why = reason ? `: ${shortReason(reason)}.` : " without saying why.";
  return { status: "failed", errorCode: "provider_error", message: `${SERVICE} reported that the job failed${why}` };
}
