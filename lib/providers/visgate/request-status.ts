/**
 * Visgate's answers about a request, in both documented shapes, as one ProviderUpdate:
 * the SDK's (`pending|processing|completed|failed`, `output_url`, `error_message`, read as
 * `request_id` or `id`) and API.md's (`accepted`, a `result` VideoResult, an `error` object),
 * plus a bare VideoResult (a synchronous reply). What served the request — provider, model,
 * cache hit, latency, cost — is read from the answer, never from the request: Visgate's
 * semantic cache can hand back another model's video.
 */
import { at, httpUrl, isRecord, num, str } from "../kit/json";
import { mapStatus } from "../kit/status";
import type { ProviderUpdate } from "../types";
import { failureMessage } from "./errors";

const STATUSES = { pending: "queued", accepted: "queued", processing: "running", completed: "succeeded", failed: "failed" } as const;

export function requestIdOf(body: unknown): string | null {
  return str(at(body, "request_id")) ?? str(at(body, "id"));
}

export function updateFrom(body: unknown): ProviderUpdate {
  const result = isRecord(at(body, "result")) ? at(body, "result") : null;
  const rawStatus = at(body, "status");
  // A bare VideoResult has no status: it is the finished video.
  const status = rawStatus === undefined && str(at(body, "video_url")) ? "succeeded" : mapStatus("Visgate", rawStatus, STATUSES);
  if (status === "failed") return { status, ...failureMessage(body), raw: body };
  if (status !== "succeeded") return { status, raw: body };
  const outputUrl = httpUrl(at(body, "output_url")) ?? httpUrl(at(result, "video_url")) ?? httpUrl(at(body, "video_url"));
  if (!outputUrl) return { status: "failed", errorCode: "provider_error", message: "Visgate said the video was done but gave no address for it.", raw: body };
  const pick = (field: string) => at(result, field) ?? at(body, field);
  // [U] On the SDK-shaped status object, cost/cache_hit/latency_ms at the top level are assumed (the SDK reads them only from a VideoResult).
  const usd = num(pick("cost"));
  const cacheHit = pick("cache_hit");
  const latencyMs = num(pick("latency_ms"));
  const report: NonNullable<ProviderUpdate["report"]> = {};
  const servedBy = str(pick("provider"));
  const servedModel = str(pick("model"));
  if (servedBy) report.servedBy = servedBy;
  if (servedModel) report.servedModel = servedModel;
  if (typeof cacheHit === "boolean") report.cacheHit = cacheHit;
  if (latencyMs !== null) report.latencyMs = latencyMs;
  return { status, outputUrl, ...(usd !== null && { cost: { usd } }), report, raw: body };
}
