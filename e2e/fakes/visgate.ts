/**
 * A loopback fake of Visgate's gateway API (shared/providers/visgate.md, "Fake server"), under
 * `/api/v1`: Bearer `vg-…` auth; `POST /videos/generate` answering 202 `{request_id, status}`
 * with `Prefer: respond-async` and a full VideoResult after the wait without it;
 * `GET /requests/{id}` pending → processing → completed on a clock; outputs on `/gcs/…`;
 * `GET /models?media_type=video`, `/auth/me`, `/health`. Errors in its SDK's shapes.
 * Markers (see kit/markers): the common set, plus
 *   [fake:shape=api]      this request answers in API.md's shape (`accepted`, `result`, `error`)
 *   [fake:cache-hit]      served from Visgate's semantic cache: another model's video, cost 0
 *   [fake:upstream-down]  create → 502 PROVIDER_ERROR (the upstream failed; retryable)
 */
import { randomBytes, randomUUID } from "node:crypto";
import type http from "node:http";
import { setTimeout as wait } from "node:timers/promises";
import { newClockedJob, phaseOf, type ClockedJob, type FakeTimings } from "./kit/clock";
import { header, isRecord, sendJson, startHttpFake, type FakeRequest } from "./kit/http";
import { fetchInputImage, isImageFetched, type FetchedImage } from "./kit/input-image";
import { Counter, markersIn, type Markers } from "./kit/markers";
import { sampleVideo } from "../fixtures/sample-video";
import { MediaShelf } from "./kit/media";
import { DEFAULT_CATALOG, statusBody, videoResult, type CatalogEntry, type Served, type VisgateShape } from "./visgate-shapes";

export interface VisgateFakeOptions {
  timings?: FakeTimings;
  /** How long `[fake:slow]` keeps a job running (default the vocabulary's 60 s). */
  slowMs?: number;
  key?: string;
  /** The shape of every answer unless a prompt says `[fake:shape=…]` (default "sdk"). */
  shape?: VisgateShape;
  catalog?: CatalogEntry[];
}

export interface VisgateSubmission {
  requestId: string;
  body: Record<string, unknown>;
  prefer: string | null;
  shape: VisgateShape;
  /** What fetching `image_url` gave, once the fake has fetched it (after answering, as a queue would). */
  image: FetchedImage | null;
}

export interface VisgateFake {
  env: Record<string, string>;
  origin: string;
  key: string;
  /** Every create request the fake accepted. */
  submissions: VisgateSubmission[];
  /** Every create request received, with the status it got. */
  attempts: Array<{ body: unknown; status: number; prefer: string | null }>;
  /** The catalog `GET /models` lists; tests may change it. */
  catalog: CatalogEntry[];
  downloads(requestId?: string): number;
  close(): Promise<void>;
}

interface Request {
  job: ClockedJob;
  markers: Markers;
  shape: VisgateShape;
  served: Served;
  failure: { code: string; message: string; provider: string } | null;
  image: "none" | "pending" | "ok" | "failed";
}

const CACHED_MODEL = "fal-ai/kling-video/v2.1/master/text-to-video";
const SAFETY_TEXT = "content_policy_violation: The content could not be processed because it contained material flagged by a content checker.";

const apiError = (error: string, message: string, details: Record<string, unknown> = {}) => ({ error, message, details });

export async function startVisgateFake(opts: VisgateFakeOptions = {}): Promise<VisgateFake> {
  const timings = opts.timings ?? { queuedMs: 150, runningMs: 600 };
  const slowMs = opts.slowMs ?? 60_000;
  const key = opts.key ?? `vg-${randomBytes(12).toString("hex")}`;
  const requests = new Map<string, Request>();
  const rateLimited = new Counter();
  const shelf = new MediaShelf();
  // Made before the first download, so a first copy never waits on ffmpeg.
  await sampleVideo();
  const mediaPath = (id: string) => `/gcs/${id}.mp4`;
  let origin = "";

  const fake: Omit<VisgateFake, "env" | "origin" | "close"> = {
    key,
    submissions: [],
    attempts: [],
    catalog: opts.catalog ?? DEFAULT_CATALOG.map((m) => ({ ...m })),
    downloads: (id) => (id ? (shelf.downloads.get(mediaPath(id)) ?? 0) : [...shelf.downloads.values()].reduce((a, b) => a + b, 0)),
  };

  async function generate(req: FakeRequest, res: http.ServerResponse): Promise<void> {
    const prefer = header(req.headers, "prefer") ?? null;
    const answer = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      fake.attempts.push({ body: req.json, status, prefer });
      sendJson(res, status, body, headers);
    };
    if (req.headers.authorization !== `Bearer ${key}`) return answer(401, apiError("UNAUTHORIZED", "Invalid or missing API key"));
    const body = isRecord(req.json) ? req.json : {};
    const prompt = typeof body.prompt === "string" ? body.prompt : "";
    if (!prompt.trim()) return answer(422, { message: "Field required", details: { field: "prompt" } });
    const entry = fake.catalog.find((m) => m.id === body.model && m.media_type === "video");
    if (!entry) return answer(404, apiError("MODEL_NOT_FOUND", `Model not found: ${String(body.model)}`));
    const duration = body.duration_seconds ?? 5;
    if (typeof duration !== "number" || !(duration > 0)) return answer(422, { message: "duration_seconds must be a positive number", details: { field: "duration_seconds" } });

    const markers = markersIn(prompt, "visgate");
    const limit = Number(markers.get("ratelimit") ?? 0);
    if (limit > 0 && rateLimited.next(prompt) <= limit) return answer(429, apiError("RATE_LIMIT_EXCEEDED", "Rate limit exceeded"), { "retry-after": "1" });
    // [U] No credit error is documented; a 402 with an INSUFFICIENT_CREDITS code is assumed.
    if (markers.has("quota")) return answer(402, apiError("INSUFFICIENT_CREDITS", "Insufficient credits. Add credits to your organization to continue."));
    if (markers.has("invalid")) {
      return answer(422, { message: `duration_seconds ${duration} is not supported by ${entry.id}; use 4, 6 or 8`, details: { field: "duration_seconds" } });
    }
    if (markers.has("upstream-down")) return answer(502, apiError("PROVIDER_ERROR", "Upstream provider returned 503: service unavailable", { provider: entry.provider }));

    const requestId = randomUUID();
    const cacheHit = markers.has("cache-hit");
    const jobTimings = cacheHit ? { queuedMs: 0, runningMs: 1 } : markers.has("slow") ? { ...timings, runningMs: slowMs } : timings;
    const failure = markers.has("safety")
      ? { code: "PROVIDER_ERROR", message: SAFETY_TEXT, provider: entry.provider }
      : markers.has("fail")
        ? { code: "PROVIDER_ERROR", message: "Upstream provider failed: request timed out", provider: entry.provider }
        : null;
    const shape: VisgateShape = markers.get("shape") === "api" ? "api" : markers.get("shape") === "sdk" ? "sdk" : (opts.shape ?? "sdk");
    const servedModel = cacheHit ? (entry.id === CACHED_MODEL ? "fal-ai/veo3" : CACHED_MODEL) : entry.id;
    const imageUrl = typeof body.image_url === "string" ? body.image_url : null;
    const r: Request = {
      image: imageUrl ? "pending" : "none",
      job: newClockedJob(requestId, jobTimings, failure ? "failed" : "succeeded"),
      markers,
      shape,
      failure,
      served: {
        requestId,
        provider: fake.catalog.find((m) => m.id === servedModel)?.provider ?? entry.provider,
        model: servedModel,
        cost: cacheHit ? 0 : Math.round(((entry.base_cost_micro ?? 50_000) / 1e6) * duration * 100) / 100,
        cacheHit,
        latencyMs: cacheHit ? 42 : jobTimings.queuedMs + jobTimings.runningMs,
        outputUrl: `${origin}${mediaPath(requestId)}`,
        createdAt: new Date().toISOString(),
      },
    };
    requests.set(requestId, r);
    shelf.add(mediaPath(requestId), { kind: markers.has("html") ? "html" : "video", expiresAt: markers.has("expired") ? 0 : Number.MAX_SAFE_INTEGER });
    const submission: VisgateSubmission = { requestId, body, prefer, shape, image: null };
    fake.submissions.push(submission);
    // The request waits for its image; one that cannot be fetched fails it.
    const fetched = imageUrl
      ? fetchInputImage(imageUrl).then((f) => {
          submission.image = f;
          r.image = isImageFetched(f) ? "ok" : "failed";
          if (r.image === "failed") r.failure = { code: "INVALID_INPUT", message: "image_url could not be downloaded", provider: entry.provider };
        })
      : Promise.resolve();

    if (prefer?.toLowerCase().includes("respond-async")) return answer(202, { request_id: requestId, status: shape === "api" ? "accepted" : "pending" });
    // Synchronous: the call blocks until the video exists.
    await fetched;
    await wait(jobTimings.queuedMs + jobTimings.runningMs);
    if (r.failure) return answer(502, apiError("PROVIDER_ERROR", r.failure.message, { provider: r.failure.provider }));
    answer(200, videoResult(r.served));
  }

  function status(id: string, res: http.ServerResponse): void {
    const r = requests.get(id);
    if (!r) return sendJson(res, 404, apiError("NOT_FOUND", "Request not found"));
    const clock = phaseOf(r.job);
    const phase = r.image === "pending" ? "queued" : r.image === "failed" ? "failed" : clock.phase;
    sendJson(res, 200, statusBody(r.shape, phase, r.served, r.failure, phase === clock.phase ? clock.completedAt : null));
  }

  function models(url: URL, res: http.ServerResponse): void {
    const media = url.searchParams.get("media_type");
    const limit = Number(url.searchParams.get("limit") ?? 100);
    const list = fake.catalog.filter((m) => !media || m.media_type === media).slice(0, limit);
    sendJson(res, 200, { models: list, total_count: list.length, last_updated: new Date().toISOString() });
  }

  const server = await startHttpFake(async (req, res) => {
    const path = req.url.pathname;
    const media = /^\/gcs\/([\w-]+)\.mp4$/.exec(path);
    if (req.method === "GET" && media && (await shelf.serve(path, res))) return;
    if (req.method === "GET" && path === "/api/v1/health") return sendJson(res, 200, { status: "ok", version: "fake" });
    // The catalog is public, as the SDK's examples show.
    if (req.method === "GET" && path === "/api/v1/models") return models(req.url, res);
    if (req.method === "POST" && path === "/api/v1/videos/generate") return generate(req, res);
    if (req.headers.authorization !== `Bearer ${key}`) return sendJson(res, 401, apiError("UNAUTHORIZED", "Invalid or missing API key"));
    if (req.method === "GET" && path === "/api/v1/auth/me") return sendJson(res, 200, { organization: { id: "org_fake", name: "Fake org" }, role: "owner" });
    const request = /^\/api\/v1\/requests\/([\w-]+)$/.exec(path);
    if (req.method === "GET" && request) return status(request[1]!, res);
    sendJson(res, 404, apiError("NOT_FOUND", "Not found"));
  });
  origin = server.origin;
  return { ...fake, origin, env: { VISGATE_API_KEY: key, VISGATE_BASE_URL: `${origin}/api/v1` }, close: server.close };
}
