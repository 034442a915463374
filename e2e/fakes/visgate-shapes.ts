/**
 * What the Visgate fake answers, in both documented shapes (shared/providers/visgate.md):
 * the SDK's status object (`pending|processing|completed|failed`, `output_url`,
 * `error_message`) and API.md's (`accepted`, `result` VideoResult, `error` object); and the
 * catalog it lists at `GET /models`.
 */
import type { FakePhase } from "./kit/clock";

export type VisgateShape = "sdk" | "api";

/** Who served a request: normally the requested model, on a cache hit possibly another one. */
export interface Served {
  requestId: string;
  provider: string;
  model: string;
  cost: number;
  cacheHit: boolean;
  latencyMs: number;
  outputUrl: string;
  createdAt: string;
}

export function videoResult(s: Served): Record<string, unknown> {
  return {
    id: s.requestId,
    video_url: s.outputUrl,
    model: s.model,
    provider: s.provider,
    cost: s.cost,
    cache_hit: s.cacheHit,
    ...(s.cacheHit && { provider_cost_avoided_micro: 400_000 }),
    latency_ms: s.latencyMs,
    created_at: s.createdAt,
  };
}

export function statusBody(
  shape: VisgateShape,
  phase: FakePhase,
  s: Served,
  failure: { code: string; message: string; provider: string } | null,
  completedAt: number | null,
): Record<string, unknown> {
  const done = completedAt === null ? null : new Date(completedAt).toISOString();
  if (shape === "api") {
    const status = { queued: "accepted", running: "processing", succeeded: "completed", failed: "failed", canceled: "failed" }[phase];
    return {
      // API.md's status object names its id `id`; the SDK accepts either.
      id: s.requestId,
      status,
      ...(status === "completed" && { result: videoResult(s) }),
      ...(status === "failed" && failure && { error: { code: failure.code, message: failure.message, details: { provider: failure.provider } } }),
    };
  }
  const status = { queued: "pending", running: "processing", succeeded: "completed", failed: "failed", canceled: "failed" }[phase];
  return {
    request_id: s.requestId,
    status,
    media_type: "video",
    provider: s.provider,
    model: s.model,
    ...(status === "completed" && {
      output_url: s.outputUrl,
      // [U] The SDK's status object has no cost fields; the fake sends them as the server plausibly does.
      cost: s.cost,
      cache_hit: s.cacheHit,
      latency_ms: s.latencyMs,
    }),
    ...(status === "failed" && failure && { error_message: failure.message }),
    created_at: s.createdAt,
    completed_at: done,
  };
}

export interface CatalogEntry {
  id: string;
  name: string;
  provider: string;
  media_type: "video" | "image";
  description?: string;
  capabilities: string[];
  base_cost_micro?: number;
  pricing_unit?: string;
}

export const DEFAULT_CATALOG: CatalogEntry[] = [
  { id: "fal-ai/veo3", name: "Veo 3", provider: "fal", media_type: "video", capabilities: ["text-to-video", "image-to-video"], base_cost_micro: 400_000, pricing_unit: "per_second" },
  { id: "fal-ai/veo3/fast", name: "Veo 3 Fast", provider: "fal", media_type: "video", capabilities: ["text-to-video", "image-to-video"], base_cost_micro: 150_000, pricing_unit: "per_second" },
  { id: "runway/gen4_turbo", name: "Gen-4 Turbo", provider: "runway", media_type: "video", capabilities: ["image-to-video"], base_cost_micro: 50_000, pricing_unit: "per_second" },
  {
    id: "fal-ai/kling-video/v2.1/master/text-to-video",
    name: "Kling 2.1 Master",
    provider: "fal",
    media_type: "video",
    description: "Kling 2.1 Master on fal.",
    capabilities: ["text-to-video"],
    base_cost_micro: 280_000,
    pricing_unit: "per_second",
  },
  { id: "fal-ai/flux/schnell", name: "FLUX.1 [schnell]", provider: "fal", media_type: "image", capabilities: ["text-to-image"], base_cost_micro: 3_000, pricing_unit: "per_megapixel" },
];
