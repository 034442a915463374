/**
 * A loopback fake of the allowedParams gateway (shared/providers/gateway-002.md). Its paths,
 * auth header and scheme are options (as they are settings in Dailies), defaulting to the
 * adapter's guesses. Jobs go queued → running (`progress` 0–100) → succeeded with
 * `result.url` (a signed link to its "GCS" mirror, served here). Markers in the prompt:
 *   common: [fake:ratelimit=N] [fake:quota] [fake:safety] [fake:invalid] [fake:fail]
 *           [fake:expired] [fake:html] [fake:slow] [fake:nowebhook] (no webhooks anyway)
 *   [fake:mirrorfail] result.url is the upstream's own link, mirror_status "failed"
 *   [fake:mirrorlost] mirror_status "failed" and no link at all
 *   [fake:timeout]    status "failed", error "timeout" (the guide's 1-hour auto-cancel)
 *   [fake:fallback]   another model served the job (served_model differs)
 * Error bodies are `{error: {code, message}}` [U]: the guide shows none.
 */
import { randomBytes } from "node:crypto";
import type http from "node:http";
import { newClockedJob, phaseOf, type ClockedJob, type FakeTimings } from "./kit/clock";
import { header, isRecord, sendJson, startHttpFake, type FakeRequest } from "./kit/http";
import { Counter, markersIn, type Markers } from "./kit/markers";
import { MediaShelf } from "./kit/media";
import { DEFAULT_GATEWAY_MODELS, refusalFor, type GatewayFakeModel } from "./gateway-models";

export type { GatewayFakeModel } from "./gateway-models";

export interface GatewayFakeOptions {
  timings?: Partial<FakeTimings>;
  /** How long `[fake:slow]` keeps a job running; default 60 s. */
  slowMs?: number;
  key?: string;
  /** Default "Authorization". */
  authHeader?: string;
  /** Default "Bearer"; "" expects the key alone. */
  authScheme?: string;
  paths?: { models?: string; submit?: string; status?: string; cancel?: string };
  models?: GatewayFakeModel[];
}

export interface GatewayAttempt {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: Record<string, unknown>;
  status: number;
}

export interface GatewaySubmission {
  jobId: string;
  body: Record<string, unknown>;
  headers: http.IncomingHttpHeaders;
}

export interface GatewayFake {
  origin: string;
  key: string;
  /** Settings that point the adapter at this fake. */
  env: Record<string, string>;
  submissions: GatewaySubmission[];
  attempts: GatewayAttempt[];
  /** Every request (method, path with query, auth header value). */
  requests: Array<{ method: string; path: string; auth: string | undefined }>;
  /** Downloads of this job's output (mirrored or upstream link), or of every output. */
  downloads(jobId?: string): number;
  /** Whether a cancel for this job reached the fake (only with a cancel path). */
  canceled(jobId: string): boolean;
  close(): Promise<void>;
}

interface FakeJob {
  id: string;
  model: string;
  markers: Markers;
  clock: ClockedJob;
}

const err = (code: string, message: string) => ({ error: { code, message } });

export async function startGatewayFake(opts: GatewayFakeOptions = {}): Promise<GatewayFake> {
  const timings: FakeTimings = { queuedMs: 150, runningMs: 600, ...opts.timings };
  const key = opts.key ?? `gw-${randomBytes(8).toString("hex")}`;
  const authHeader = opts.authHeader ?? "Authorization";
  const scheme = opts.authScheme ?? "Bearer";
  const paths = { models: "/v1/models?modality=video", submit: "/v1/videos", status: "/v1/videos/{id}", ...opts.paths };
  const models = opts.models ?? DEFAULT_GATEWAY_MODELS;
  const shelf = new MediaShelf();
  const rateLimits = new Counter();
  const jobs = new Map<string, FakeJob>();
  const fake = { submissions: [] as GatewaySubmission[], attempts: [] as GatewayAttempt[], requests: [] as GatewayFake["requests"] };
  let origin = "";

  const template = (p: string) => new RegExp(`^${p.split("{id}").map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("([\\w-]+)")}$`);
  const modelsUrl = new URL(paths.models, "http://x");
  const statusRe = template(paths.status);
  const cancelRe = paths.cancel ? template(paths.cancel) : null;

  function view(job: FakeJob) {
    const { phase, progress } = phaseOf(job.clock);
    const base = { job_id: job.id, model: job.model, progress: Math.round(progress * 100) };
    if (phase === "queued" || phase === "running") return { ...base, status: phase === "queued" ? "queued" : "running" };
    if (phase === "canceled") return { ...base, status: "canceled" };
    if (job.markers.has("timeout")) return { ...base, status: "failed", error: "timeout" };
    if (phase === "failed") return { ...base, status: "failed", error: "upstream_error", message: "The upstream provider returned an internal error" };
    const served_model = job.markers.has("fallback") ? "veo-3-1-fast" : job.model;
    const done = { ...base, status: "succeeded", progress: 100, served_model, credits: 80 };
    if (job.markers.has("mirrorlost")) return { ...done, result: { url: null, mirror_status: "failed" } };
    if (job.markers.has("mirrorfail")) return { ...done, result: { url: `${origin}/upstream/${job.id}.mp4?expires=300`, mirror_status: "failed" } };
    // Each answer signs the link afresh, as a real signed URL would be.
    return { ...done, result: { url: `${origin}/gcs/dailies-mirror/${job.id}.mp4?sig=${randomBytes(6).toString("hex")}`, mirror_status: "succeeded" } };
  }

  function create(req: FakeRequest, res: http.ServerResponse): void {
    const body = isRecord(req.json) ? req.json : {};
    const answer = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      fake.attempts.push({ path: req.url.pathname, headers: req.headers, body, status });
      sendJson(res, status, payload, headers);
    };
    const markers = markersIn(body.prompt, "gateway");
    const limit = Number(markers.get("ratelimit") ?? 0);
    if (limit > 0 && rateLimits.next(String(body.prompt)) <= limit) {
      return answer(429, err("rate_limited", "Upstream quota exceeded; retry later or configure a fallback chain"), { "retry-after": "1" });
    }
    if (markers.has("quota")) return answer(402, err("insufficient_credits", "Your workspace has no credits left"));
    if (markers.has("safety")) return answer(400, err("safety_refusal", "The upstream provider refused this request for safety reasons"));
    if (markers.has("invalid")) return answer(400, err("invalid_params", `duration_seconds ${String(body.duration_seconds)} is not allowed for this model`));
    const refusal = refusalFor(models, body);
    if (refusal) return answer(400, err("invalid_params", refusal));
    const image = body.image_url ?? body.image_base64;
    if (image !== undefined && (typeof image !== "string" || !image)) return answer(400, err("invalid_params", "image_url must be a URL"));
    const id = `job_${randomBytes(8).toString("hex")}`;
    const jobTimings = markers.has("slow") ? { ...timings, runningMs: opts.slowMs ?? 60_000 } : timings;
    const job: FakeJob = { id, model: String(body.model), markers, clock: newClockedJob(id, jobTimings, markers.has("fail") || markers.has("timeout") ? "failed" : "succeeded") };
    jobs.set(id, job);
    const kind = markers.has("html") ? "html" : "video";
    const expiresAt = markers.has("expired") ? 0 : Number.MAX_SAFE_INTEGER;
    shelf.add(`/gcs/dailies-mirror/${id}.mp4`, { kind, expiresAt });
    shelf.add(`/upstream/${id}.mp4`, { kind, expiresAt });
    fake.submissions.push({ jobId: id, body, headers: req.headers });
    answer(200, { job_id: id, status: "queued" });
  }

  const server = await startHttpFake(async (req, res) => {
    const path = req.url.pathname;
    fake.requests.push({ method: req.method, path: path + req.url.search, auth: header(req.headers, authHeader) });
    if (req.method === "GET" && (await shelf.serve(path, res))) return;
    if (header(req.headers, authHeader) !== (scheme ? `${scheme} ${key}` : key)) {
      return sendJson(res, 401, err("unauthorized", "Invalid or missing API key"));
    }
    if (req.method === "GET" && path === modelsUrl.pathname) {
      const wanted = req.url.searchParams.get("modality");
      const data = models.filter((m) => !wanted || m.modality === wanted);
      return sendJson(res, 200, { object: "list", data: data.map((m) => ({ id: m.id, object: "model", modality: m.modality, allowedParams: m.allowedParams })) });
    }
    if (req.method === "POST" && path === paths.submit) return create(req, res);
    const status = statusRe.exec(path);
    if (req.method === "GET" && status) {
      const job = jobs.get(status[1]!);
      return job ? sendJson(res, 200, view(job)) : sendJson(res, 404, err("not_found", "No such job"));
    }
    const cancel = cancelRe?.exec(path);
    if (req.method === "POST" && cancel) {
      const job = jobs.get(cancel[1]!);
      if (!job) return sendJson(res, 404, err("not_found", "No such job"));
      job.clock.canceledAt ??= Date.now();
      return sendJson(res, 200, view(job));
    }
    sendJson(res, 404, err("not_found", `No route ${req.method} ${path}`));
  });
  origin = server.origin;

  return {
    origin,
    key,
    env: {
      GATEWAY_BASE_URL: origin,
      GATEWAY_API_KEY: key,
      GATEWAY_AUTH_HEADER: authHeader,
      GATEWAY_AUTH_SCHEME: scheme || "none",
      GATEWAY_MODELS_PATH: paths.models,
      GATEWAY_SUBMIT_PATH: paths.submit,
      GATEWAY_STATUS_PATH: paths.status,
      GATEWAY_CANCEL_PATH: paths.cancel ?? "",
    },
    ...fake,
    downloads: (jobId) =>
      [...shelf.downloads].filter(([p]) => !jobId || p.endsWith(`/${jobId}.mp4`)).reduce((sum, [, n]) => sum + n, 0),
    canceled: (jobId) => jobs.get(jobId)?.clock.canceledAt != null,
    close: () => server.close(),
  };
}
