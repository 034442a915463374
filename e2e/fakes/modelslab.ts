/**
 * A loopback ModelsLab (/work/shared/providers/modelslab.md, "Fake server" checklist and the
 * Dec 2026 update): v7 Video Fusion and v6 video routes, the key in the body (or a `key` header,
 * or a Bearer token), POST fetch, `processing` + falling `eta`, `success` straight from create,
 * `failed`/`error` (v6 says `messege`), 429 with `retry_after` in the body, a per-account queue
 * cap, unsigned webhooks (sent twice: ModelsLab may repeat them), a model list and MP4 outputs.
 * Scenario per job by prompt marker: [fake:ratelimit=N] [fake:quota] (=200: as HTTP 200)
 * [fake:safety] (=late: the job fails later) [fake:invalid] [fake:fail] (=error) [fake:expired]
 * [fake:html] [fake:slow] [fake:nowebhook] [fake:instant] (create answers success).
 * An `init_image` URL is fetched at create, as ModelsLab must; a job whose image cannot be fetched fails.
 */
import { randomBytes } from "node:crypto";
import type http from "node:http";
import type { FakeTimings } from "./kit/clock";
import { header, isRecord, sendJson, startHttpFake, type FakeRequest } from "./kit/http";
import { Counter, markersIn } from "./kit/markers";
import { MediaShelf } from "./kit/media";
import { postWebhook, type FakeDelivery } from "./kit/webhook";
import { CREDIT_TEXT, doneAt, errorBody, isDone, jobBody, newFakeJob, SAFETY_TEXT, V7_DURATIONS, webhookBody, type FakeApi, type ModelslabFakeJob } from "./modelslab-jobs";
import { modelsListBody } from "./modelslab-models";

export { FAIL_TEXT, SAFETY_TEXT, CREDIT_TEXT, type ModelslabFakeJob } from "./modelslab-jobs";

export interface ModelslabFakeOptions {
  timings?: Partial<FakeTimings>;
  /** Queued requests the account may have at once (pay-as-you-go 5, standard 10, premium 15). */
  queueCap?: number;
  /** Sends a webhook (twice) when a job ends; default true. */
  webhooks?: boolean;
  /** How long `[fake:slow]` keeps a job running (default 60 s). */
  slowMs?: number;
  models?: readonly Record<string, unknown>[];
}

export interface ModelslabRequestRecord {
  api: FakeApi;
  route: string;
  body: Record<string, unknown>;
  status: number;
}

export interface ModelslabFake {
  env: Record<string, string>;
  origin: string;
  key: string;
  close(): Promise<void>;
  /** Create requests the fake accepted (it made a job for each). */
  submissions: Array<{ id: number; api: FakeApi; route: string; body: Record<string, unknown> }>;
  /** Every create request, accepted or not, with the status it got. */
  attempts: ModelslabRequestRecord[];
  /** Fetch calls per job id. */
  fetches: Map<string, number>;
  jobs: Map<number, ModelslabFakeJob>;
  /** Most jobs ever unfinished at once (what the queue cap limits). */
  maxConcurrent(): number;
  /** Downloads of one job's output (or of all outputs). */
  downloads(jobId?: number | string): number;
  webhookDeliveries: Array<FakeDelivery & { jobId: number }>;
  /**
   * Posts a webhook for a job now to the URL it was given: its current state (`current`/`valid`;
   * `replay` is the same delivery again), that state with a wrong per-job token (`tampered`), or a
   * claimed success/failure the fetch may not confirm.
   */
  sendWebhook(jobId: number | string, variant?: WebhookVariant): Promise<number | null>;
}

export type WebhookVariant = "current" | "valid" | "replay" | "tampered" | "success" | "failed";

const V7_CREATE = /^\/api\/v7\/video-fusion\/(text-to-video|image-to-video)$/;
const V6_CREATE = /^\/api\/v6\/video\/(text2video_ultra|img2video_ultra|text2video|img2video)$/;
const FETCH = /^\/api\/(v7\/video-fusion|v6\/video)\/fetch\/([^/]+)$/;

export async function startModelslabFake(opts: ModelslabFakeOptions = {}): Promise<ModelslabFake> {
  const timings: FakeTimings = { queuedMs: 150, runningMs: 600, ...opts.timings };
  const queueCap = opts.queueCap ?? 5;
  const key = `ml_fake_${randomBytes(10).toString("hex")}`;
  const shelf = new MediaShelf();
  const throttled = new Counter();
  const jobs = new Map<number, ModelslabFakeJob>();
  const submissions: ModelslabFake["submissions"] = [];
  const attempts: ModelslabRequestRecord[] = [];
  const fetches = new Map<string, number>();
  const webhookDeliveries: ModelslabFake["webhookDeliveries"] = [];
  const timers = new Set<NodeJS.Timeout>();
  let nextId = 90_000_000 + Math.floor(Math.random() * 1_000_000);
  let peak = 0;
  let origin = "";

  const keyOf = (req: FakeRequest): string | undefined => {
    const bearer = header(req.headers, "authorization")?.replace(/^Bearer\s+/i, "");
    const fromBody = isRecord(req.json) && typeof req.json.key === "string" ? req.json.key : undefined;
    return fromBody ?? req.url.searchParams.get("key") ?? header(req.headers, "key") ?? bearer;
  };
  const unfinished = (now: number) => [...jobs.values()].filter((j) => !isDone(j, now)).length;

  async function deliver(job: ModelslabFakeJob, variant: WebhookVariant): Promise<number | null> {
    if (!job.webhook) return null;
    const state = variant === "success" || variant === "failed" ? variant : "current";
    const body = JSON.stringify(webhookBody(job, state, origin));
    const url = variant === "tampered" ? job.webhook.replace(/([?&]token=)[^&]*/, "$1forged") : job.webhook;
    // Unsigned: no signature header of any kind.
    const status = await postWebhook(url, body);
    webhookDeliveries.push({ jobId: job.id, url, status, attempt: 1, body });
    return status;
  }

  function scheduleWebhooks(job: ModelslabFakeJob): void {
    if (opts.webhooks === false || !job.webhook || job.markers.has("nowebhook")) return;
    const timer = setTimeout(() => {
      timers.delete(timer);
      // Best effort and possibly repeated, as the notes say: the same body twice.
      void deliver(job, "current").then(() => deliver(job, "current"));
    }, Math.max(0, doneAt(job) - Date.now()) + 10);
    timer.unref();
    timers.add(timer);
  }

  async function create(req: FakeRequest, res: http.ServerResponse, api: FakeApi, route: string): Promise<void> {
    const body = isRecord(req.json) ? req.json : {};
    const { key: _key, ...recorded } = body;
    const answer = (status: number, json: unknown) => {
      attempts.push({ api, route, body: recorded, status });
      sendJson(res, status, json);
    };
    if (keyOf(req) !== key) return answer(401, errorBody(api, "Invalid API key"));
    const markers = markersIn(body.prompt, "modelslab");
    const limit = Number(markers.get("ratelimit") ?? 0);
    if (limit > 0 && throttled.next(String(body.prompt)) <= limit) {
      return answer(429, errorBody(api, `Rate limit exceeded. Maximum ${queueCap} queued requests allowed.`, { retry_after: 1 }));
    }
    if (markers.has("quota")) return answer(markers.get("quota") === "200" ? 200 : 402, errorBody(api, CREDIT_TEXT));
    if (markers.has("safety") && markers.get("safety") !== "late") return answer(200, errorBody(api, SAFETY_TEXT));
    const invalid = validate(api, route, body);
    if (markers.has("invalid") || invalid) {
      // v7 answers field errors as an object, the way the official CLI reads them.
      const why = invalid ?? `The selected duration is invalid for ${String(body.model_id)}.`;
      return answer(400, errorBody(api, api === "v7" ? { duration: [why] } : why));
    }
    // Fetched before the cap is counted, so no other create slips in between the check and the new job.
    const failure = await fetchImage(body.init_image);
    const now = Date.now();
    if (unfinished(now) >= queueCap) {
      return answer(429, errorBody(api, `Rate limit exceeded. Maximum ${queueCap} queued requests allowed.`, { retry_after: 30 }));
    }
    const job = newFakeJob(nextId++, api, route, recorded, markers, timings, { slowMs: opts.slowMs ?? 60_000, failure }, now);
    jobs.set(job.id, job);
    peak = Math.max(peak, unfinished(now));
    submissions.push({ id: job.id, api, route, body: recorded });
    shelf.add(job.outputPath, { kind: markers.has("html") ? "html" : "video", expiresAt: markers.has("expired") ? 0 : Number.MAX_SAFE_INTEGER });
    scheduleWebhooks(job);
    answer(200, jobBody(job, origin, now));
  }

  function fetchJob(req: FakeRequest, res: http.ServerResponse, api: FakeApi, id: string): void {
    if (keyOf(req) !== key) return sendJson(res, 401, errorBody(api, "Invalid API key"));
    fetches.set(id, (fetches.get(id) ?? 0) + 1);
    const job = jobs.get(Number(id));
    if (!job || job.api !== api) return sendJson(res, 404, errorBody(api, "Request not found"));
    sendJson(res, 200, jobBody(job, origin));
  }

  const server = await startHttpFake(async (req, res) => {
    const path = req.url.pathname;
    if (req.method === "GET" && (await shelf.serve(path, res))) return;
    const v7 = path.match(V7_CREATE);
    const v6 = path.match(V6_CREATE);
    const fetched = path.match(FETCH);
    if (req.method === "POST" && v7) return create(req, res, "v7", v7[1]!);
    if (req.method === "POST" && v6) return create(req, res, "v6", v6[1]!);
    if (req.method === "POST" && fetched) return fetchJob(req, res, fetched[1]!.startsWith("v6") ? "v6" : "v7", fetched[2]!);
    if (req.method === "GET" && path === "/api/v7/models") {
      if (keyOf(req) !== key) return sendJson(res, 401, errorBody("v7", "Invalid API key"));
      return sendJson(res, 200, modelsListBody(opts.models));
    }
    sendJson(res, 404, { status: "error", message: "Not found" });
  });
  origin = server.origin;

  return {
    env: { MODELSLAB_API_KEY: key, MODELSLAB_BASE_URL: `${origin}/api` },
    origin,
    key,
    close: async () => {
      for (const t of timers) clearTimeout(t);
      await server.close();
    },
    submissions,
    attempts,
    fetches,
    jobs,
    maxConcurrent: () => peak,
    downloads: (jobId) =>
      jobId !== undefined ? (shelf.downloads.get(`/out/${jobId}.mp4`) ?? 0) : [...shelf.downloads.values()].reduce((a, b) => a + b, 0),
    webhookDeliveries,
    sendWebhook: (jobId, variant = "current") => {
      const job = jobs.get(Number(jobId));
      if (!job) throw new Error(`the fake has no job ${jobId}`);
      return deliver(job, variant);
    },
  };
}

/** Fetches an http(s) `init_image` as ModelsLab would; the reason the job will fail, or null. */
async function fetchImage(init: unknown): Promise<string | null> {
  const url = Array.isArray(init) ? init[0] : init;
  if (typeof url !== "string" || !/^https?:\/\//.test(url)) return null;
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
    const type = res.headers.get("content-type") ?? "";
    await res.body?.cancel();
    return res.ok && type.startsWith("image/") ? null : `Could not download init_image (HTTP ${res.status}).`;
  } catch {
    return "Could not download init_image.";
  }
}

/** The checks the real API makes that tests rely on: a model, a prompt or image, a listed duration, an image URL on v7. */
function validate(api: FakeApi, route: string, body: Record<string, unknown>): string | null {
  if (typeof body.model_id !== "string" || !body.model_id) return "The model_id field is required.";
  const image = route.startsWith("img") || route === "image-to-video";
  if (!image && (typeof body.prompt !== "string" || !body.prompt)) return "The prompt field is required.";
  if (image) {
    const init = Array.isArray(body.init_image) ? body.init_image[0] : body.init_image;
    if (typeof init !== "string" || !init) return "The init_image field is required.";
    if (!/^https?:\/\//.test(init) && !(api === "v6" && body.base64 === true)) return "The init_image must be a valid URL.";
  }
  const allowed = api === "v7" ? V7_DURATIONS[body.model_id] : undefined;
  if (allowed && !allowed.includes(String(body.duration))) return `The selected duration is invalid; allowed: ${allowed.join(", ")}.`;
  return null;
}
