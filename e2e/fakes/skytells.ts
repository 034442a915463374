/**
 * A loopback Skytells for tests: the wire format of shared/providers/skytells.md (its Dec 2026
 * update and "Fake server" checklist), on the fake kit. Both create routes, `x-api-key` (or
 * Bearer), always JSON, pending → starting → processing (metrics.progress) → succeeded/failed/
 * cancelled, 502 for an unknown id, signed webhooks (bare or envelope), a models list, and real
 * MP4s that are gone after a short TTL. Scenarios per job by prompt marker (see kit/markers).
 * Skytells-only markers: `[fake:statusfalse]` (200 + status:false + id), `[fake:statusfalse=noid]`,
 * `[fake:safety=late]` (moderation fails the job while serving), `[fake:output=string|files]`,
 * `[fake:webhook=envelope]`, `[fake:cancel=prediction]`.
 */
import { randomBytes } from "node:crypto";
import type http from "node:http";
import { newClockedJob, phaseOf, isTerminalPhase, type FakeTimings } from "./kit/clock";
import { header, isRecord, sendJson, startHttpFake, type FakeRequest } from "./kit/http";
import { Counter, markersIn } from "./kit/markers";
import { MediaShelf } from "./kit/media";
import { deliverWithRetries, postWebhook, type FakeDelivery } from "./kit/webhook";
import { DEFAULT_FAKE_MODELS, durationProblem, modelJson, type FakeSkytellsModel } from "./skytells-models";
import { GENERIC_FAILURE, MODERATION_FAILURE, predictionJson, sendEnvelope, sendFlat, signedWebhook, type SkytellsFakeJob, type WebhookVariant } from "./skytells-wire";

export { GENERIC_FAILURE, MODERATION_FAILURE, type WebhookVariant } from "./skytells-wire";
export { DEFAULT_FAKE_MODELS, type FakeSkytellsModel } from "./skytells-models";

export interface SkytellsFakeOptions {
  /** `slowMs`: how long `[fake:slow]` keeps a job running (the vocabulary's 60 s by default). */
  timings?: Partial<FakeTimings & { slowMs: number }>;
  /** How long outputs stay downloadable (the webhooks page says 5 minutes). */
  outputTtlMs?: number;
  /** Enterprise mode: webhooks signed with this secret instead of the API key. */
  webhookSecret?: string;
  models?: FakeSkytellsModel[];
}

export interface FakeCall {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: Record<string, unknown>;
  answeredStatus: number;
}

export interface SkytellsFake {
  /** Settings that point the adapter at this fake. */
  env: Record<string, string>;
  origin: string;
  apiKey: string;
  /** Every create request accepted (a prediction was made), with its body. */
  submissions: Array<FakeCall & { id: string }>;
  /** Every create request received, accepted or not. */
  attempts: FakeCall[];
  cancelRequests: string[];
  /** Input images the fake fetched from the URL it was given, and what it got. */
  imageFetches: Array<{ url: string; status: number | null; contentType: string | null }>;
  deliveries: FakeDelivery[];
  jobs: Map<string, SkytellsFakeJob>;
  /** Downloads of one output path, or of all. */
  downloads(path?: string): number;
  /** The prediction as `GET /v1/predictions/{id}` answers now. */
  prediction(id: string): Record<string, unknown> | undefined;
  /** A signed delivery of the prediction's current state, as Skytells would POST it. */
  webhookFor(id: string, variant?: WebhookVariant): { body: string; headers: Record<string, string> };
  /** Posts a signed delivery of the current state (or, with `replay`, the last one again) to the job's webhook URL. */
  sendWebhook(id: string, variant?: WebhookVariant & { url?: string; replay?: boolean }): Promise<number | null>;
  close(): Promise<void>;
}

export async function startSkytellsFake(opts: SkytellsFakeOptions = {}): Promise<SkytellsFake> {
  const { slowMs = 60_000, ...clock } = opts.timings ?? {};
  const timings: FakeTimings = { queuedMs: 150, runningMs: 600, ...clock };
  const ttl = opts.outputTtlMs ?? 5 * 60_000;
  const apiKey = `sk-fake-${randomBytes(12).toString("hex")}`;
  const signingKey = opts.webhookSecret ?? apiKey;
  const models = opts.models ?? DEFAULT_FAKE_MODELS;
  const jobs = new Map<string, SkytellsFakeJob>();
  const shelf = new MediaShelf();
  const throttled = new Counter();
  const submissions: SkytellsFake["submissions"] = [];
  const attempts: FakeCall[] = [];
  const cancelRequests: string[] = [];
  const imageFetches: SkytellsFake["imageFetches"] = [];
  const deliveries: FakeDelivery[] = [];
  const chains = new Map<string, Promise<unknown>>();
  let origin = "";

  const view = (id: string) => {
    const job = jobs.get(id);
    return job ? predictionJson(job, origin) : undefined;
  };

  async function handle(req: FakeRequest, res: http.ServerResponse): Promise<void> {
    const path = req.url.pathname;
    if (req.method === "GET" && (await shelf.serve(path, res))) return;
    if (!path.startsWith("/v1/")) return sendEnvelope(res, 404, "NOT_FOUND", `No route for ${path}`);
    const bearer = header(req.headers, "authorization");
    if (header(req.headers, "x-api-key") !== apiKey && bearer !== `Bearer ${apiKey}`) {
      return sendEnvelope(res, 401, "UNAUTHORIZED", "Invalid or missing API key", "Send your key in the x-api-key header");
    }
    const parts = path.split("/").filter(Boolean).slice(1);
    const [a, id, tail] = parts;
    if (req.method === "POST" && parts.length === 1 && (a === "predict" || a === "predictions")) return await create(req, res);
    if (req.method === "GET" && a === "predictions" && parts.length === 1) {
      return sendJson(res, 200, { data: [...jobs.keys()].map(view), page: Number(req.url.searchParams.get("page") ?? 1), total: jobs.size });
    }
    if (a === "predictions" && id) {
      const job = jobs.get(id);
      // Skytells never answers 404 for a missing prediction: 502 with an error_id.
      if (!job) return sendEnvelope(res, 502, "PREDICTION_NOT_FOUND", "Prediction not found", `No prediction with id ${id}`);
      if (req.method === "GET" && parts.length === 2) return sendJson(res, 200, view(id));
      if (req.method === "POST" && tail === "cancel") {
        cancelRequests.push(id);
        if (!isTerminalPhase(phaseOf(job.clock).phase)) job.clock.canceledAt = Date.now();
        return sendJson(res, 200, job.markers.get("cancel") === "prediction" ? view(id) : { success: true });
      }
      if ((req.method === "DELETE" && (parts.length === 2 || tail === "delete")) || (req.method === "POST" && tail === "delete")) {
        jobs.delete(id);
        return sendJson(res, 200, { success: true });
      }
    }
    if (req.method === "GET" && a === "models" && parts.length === 1) {
      const withSchema = (req.url.searchParams.get("fields") ?? "").split(",").includes("input_schema");
      return sendJson(res, 200, models.map((m) => modelJson(m, withSchema && m.schemaInList !== false)));
    }
    if (req.method === "GET" && a === "model" && id && parts.length === 2) {
      const m = models.find((x) => x.namespace === id);
      if (!m) return sendEnvelope(res, 404, "MODEL_NOT_FOUND", `Model ${id} not found`);
      return sendJson(res, 200, modelJson(m, (req.url.searchParams.get("fields") ?? "").includes("input_schema")));
    }
    return sendEnvelope(res, 404, "NOT_FOUND", `No route for ${req.method} ${path}`);
  }

  async function create(req: FakeRequest, res: http.ServerResponse): Promise<void> {
    const body = isRecord(req.json) ? req.json : {};
    const call = (answeredStatus: number): FakeCall => ({ path: req.url.pathname, headers: req.headers, body, answeredStatus });
    const refuse = (status: number, send: () => void) => {
      attempts.push(call(status));
      send();
    };
    const input = isRecord(body.input) ? body.input : null;
    const markers = markersIn(input?.prompt, "skytells");
    const prompt = typeof input?.prompt === "string" ? input.prompt : "";
    const limit = Number(markers.get("ratelimit") ?? 0);
    if (markers.has("ratelimit") && throttled.next(prompt) <= (limit || 1)) {
      return refuse(429, () => sendFlat(res, 429, "RATE_LIMIT_EXCEEDED", "Rate limit exceeded: too many requests in the current window", { "retry-after": "1" }));
    }
    if (markers.has("quota")) return refuse(402, () => sendEnvelope(res, 402, "INSUFFICIENT_CREDITS", "Insufficient credits", "Your balance is too low for this prediction"));
    if (markers.has("safety") && markers.get("safety") !== "late") {
      return refuse(451, () => sendEnvelope(res, 451, "CONTENT_POLICY_VIOLATION", "The prompt violates the content policy"));
    }
    const model = models.find((m) => m.namespace === body.model);
    if (typeof body.model !== "string" || !model) return refuse(404, () => sendEnvelope(res, 404, "MODEL_NOT_FOUND", `Model ${String(body.model)} not found`));
    const problem = markers.has("invalid")
      ? "duration_seconds must be between 3 and 10 for this model"
      : !input || !prompt
        ? "input.prompt is required"
        : input.image !== undefined && !/^https?:\/\//.test(String(input.image))
          ? "image must be a URL"
          : durationProblem(model, input.duration_seconds);
    if (problem) return refuse(422, () => sendEnvelope(res, 422, "VALIDATION_ERROR", "Invalid input", problem));
    if (markers.get("statusfalse") === "noid") {
      return refuse(200, () => sendJson(res, 200, { status: false, response: "Invalid input", error: { http_status: 422, message: "Invalid input", details: "duration_seconds is not supported", error_id: "INVALID_INPUT" } }));
    }

    const id = `pred_${randomBytes(8).toString("hex")}`;
    const running = markers.has("slow") ? slowMs : timings.runningMs;
    const failure = markers.has("fail")
      ? GENERIC_FAILURE
      : markers.get("safety") === "late"
        ? MODERATION_FAILURE
        : typeof input?.image === "string"
          ? await fetchImage(input.image)
          : null;
    const hook = isRecord(body.webhook) && typeof body.webhook.url === "string" ? body.webhook : null;
    const job: SkytellsFakeJob = {
      clock: newClockedJob(id, { ...timings, runningMs: running }, failure ? "failed" : "succeeded"),
      model: model.namespace,
      input: input ?? {},
      webhook: hook ? { url: String(hook.url), events: Array.isArray(hook.events) ? hook.events.map(String) : [] } : null,
      markers,
      sent: new Set(),
      mediaPath: `/cdn/${id}.mp4`,
      outputExpiresAt: 0,
      failure,
      lastDelivery: null,
    };
    const doneAt = job.clock.createdAt + timings.queuedMs + running;
    job.outputExpiresAt = doneAt + ttl;
    shelf.add(job.mediaPath, { kind: markers.has("html") ? "html" : "video", expiresAt: markers.has("expired") ? 0 : job.outputExpiresAt });
    jobs.set(id, job);
    attempts.push(call(200));
    submissions.push({ ...call(200), id });
    const prediction = predictionJson(job, origin);
    if (markers.has("statusfalse")) {
      return sendJson(res, 200, { ...prediction, status: false, error: { message: "Prediction is queued; poll its URL for the result" } });
    }
    sendJson(res, 200, prediction);
  }

  // Webhooks: one ordered chain per prediction, `started` before the terminal event.
  function announce(job: SkytellsFakeJob, event: string, prediction: Record<string, unknown>): void {
    job.sent.add(event);
    if (!job.webhook || job.markers.has("nowebhook") || !job.webhook.events.includes(event)) return;
    const { url } = job.webhook;
    const { body, headers } = signedWebhook(prediction, signingKey, { shape: job.markers.get("webhook") === "envelope" ? "envelope" : "bare" });
    const id = job.clock.id;
    job.lastDelivery = { body, headers };
    chains.set(id, (chains.get(id) ?? Promise.resolve()).then(() => deliverWithRetries(url, body, () => headers, deliveries)));
  }

  /** Skytells downloads the input image itself: a job whose image cannot be fetched fails. */
  async function fetchImage(url: string): Promise<string | null> {
    let status: number | null = null;
    let contentType: string | null = null;
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(10_000) });
      status = res.status;
      contentType = res.headers.get("content-type");
      await res.arrayBuffer();
    } catch {
      // unreachable: recorded with a null status
    }
    imageFetches.push({ url, status, contentType });
    return status === 200 && contentType?.startsWith("image/") ? null : `Could not download the input image (${status === null ? "unreachable" : `HTTP ${status}`})`;
  }

  const tick = setInterval(() => {
    for (const job of jobs.values()) {
      const { phase } = phaseOf(job.clock);
      const neverRan = job.clock.canceledAt !== null && job.clock.canceledAt < job.clock.createdAt + job.clock.timings.queuedMs;
      if (phase !== "queued" && !neverRan && !job.sent.has("started")) announce(job, "started", { ...predictionJson(job, origin), status: "started" });
      const terminal = phase === "succeeded" ? "completed" : phase === "failed" ? "failed" : phase === "canceled" ? "canceled" : null;
      if (terminal && !job.sent.has(terminal)) announce(job, terminal, predictionJson(job, origin));
    }
  }, 20);
  tick.unref();

  const server = await startHttpFake(handle);
  origin = server.origin;

  const webhookFor = (id: string, variant: WebhookVariant = {}) => {
    const prediction = view(id);
    if (!prediction) throw new Error(`no prediction ${id}`);
    return signedWebhook(prediction, signingKey, variant);
  };

  return {
    env: { SKYTELLS_API_KEY: apiKey, SKYTELLS_BASE_URL: `${origin}/v1`, SKYTELLS_WEBHOOK_SECRET: opts.webhookSecret ?? "" },
    origin,
    apiKey,
    submissions,
    attempts,
    cancelRequests,
    imageFetches,
    deliveries,
    jobs,
    downloads: (path) => (path ? (shelf.downloads.get(path) ?? 0) : [...shelf.downloads.values()].reduce((a, b) => a + b, 0)),
    prediction: view,
    webhookFor,
    async sendWebhook(id, variant = {}) {
      const url = variant.url ?? jobs.get(id)?.webhook?.url;
      if (!url) throw new Error(`prediction ${id} has no webhook URL`);
      const job = jobs.get(id);
      const delivery = variant.replay && job?.lastDelivery ? job.lastDelivery : webhookFor(id, variant);
      if (job && !variant.tamper && !variant.key && !variant.replay) job.lastDelivery = delivery;
      return postWebhook(url, delivery.body, delivery.headers);
    },
    async close() {
      clearInterval(tick);
      await Promise.allSettled(chains.values());
      await server.close();
    },
  };
}
