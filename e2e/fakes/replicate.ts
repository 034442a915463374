/**
 * A loopback Replicate for tests: the documented wire format (see
 * /work/shared/providers/replicate.md), signed webhooks, real MP4 outputs that expire.
 * Scenarios are chosen per prediction by a marker in the prompt (see FAKE_MARKERS), so
 * parallel tests sharing one fake do not interfere. Test code only: nothing in lib/ imports it.
 */
import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import {
  advance,
  cancel,
  finishNow,
  isTerminal,
  markersIn,
  parseDuration,
  predictionJson,
  type FakePrediction,
  type FakeTimings,
} from "./replicate-prediction";
import { limiter } from "./kit/limiter";
import { Counter } from "./kit/markers";
import { header, headersOf, problem, readBody, send } from "./replicate-http";
import type { FakeSubmission, FakeUpload, FakeWebhookDelivery, ReplicateFake, ReplicateFakeOptions } from "./replicate-types";
import { buildReplicateWebhook, postWebhook } from "./replicate-webhook";
import { createFile, serveOutput } from "./replicate-files";

export { FAKE_MARKERS, GENERIC_ERROR, SAFETY_ERROR, type FakeMarker, type FakePrediction } from "./replicate-prediction";
export { buildReplicateWebhook, postWebhook, type WebhookMessage, type WebhookVariant } from "./replicate-webhook";
export type { FakeSubmission, FakeUpload, FakeWebhookDelivery, ReplicateFake, ReplicateFakeOptions } from "./replicate-types";

const TICK_MS = 20;
const WEBHOOK_ATTEMPTS = 3;

const newSecret = () => `whsec_${randomBytes(24).toString("base64")}`;
const stableWebhookId = (id: string, event: string) => `msg_${id}_${event}`;

export async function startReplicateFake(opts: ReplicateFakeOptions = {}): Promise<ReplicateFake> {
  const timings: FakeTimings = { startingMs: 300, processingMs: 1200, slowMs: 60_000, ...opts.timings };
  const outputTtlMs = opts.outputTtlMs ?? 60 * 60_000;
  const newToken = () => `r8_fake_${randomBytes(12).toString("hex")}`;
  let token = newToken();
  let webhookSecret = opts.webhookSecret ?? newSecret();
  let secretRequests = 0;
  let secretFailure: number | null = null;
  let listRequests = 0;
  const listable = opts.listPredictions ?? true;
  const listPageSize = opts.listPageSize ?? 100;
  const submissions: FakeSubmission[] = [];
  const attempts: FakeSubmission[] = [];
  const downloads = new Map<string, number>();
  const predictions = new Map<string, FakePrediction>();
  const uploads: FakeUpload[] = [];
  const webhookDeliveries: FakeWebhookDelivery[] = [];
  const throttled = new Counter();
  const deliveryChains = new Map<string, Promise<void>>();
  let origin = "";
  let apiBase = "";
  let closed = false;
  // Unbounded unless asked: a bench's burst of 1,000 completions goes out over a few connections.
  const sending = limiter(opts.webhookConcurrency ?? Number.POSITIVE_INFINITY);

  const json = (id: string) => {
    const p = predictions.get(id);
    if (!p) return undefined;
    advance(p, timings, outputTtlMs, Date.now());
    return predictionJson(p, apiBase, origin, timings, Date.now());
  };

  async function deliver(p: FakePrediction, event: string, body: string): Promise<void> {
    if (!p.webhook) return;
    const webhookId = stableWebhookId(p.id, event);
    for (let attempt = 1; attempt <= WEBHOOK_ATTEMPTS && !closed; attempt++) {
      // Each attempt is signed afresh, as Standard Webhooks senders do; the id stays the same.
      const url = p.webhook;
      const status = await sending(() => postWebhook(url, buildReplicateWebhook(webhookSecret, body, { webhookId })));
      webhookDeliveries.push({ predictionId: p.id, event, webhookId, url, attempt, status, at: Date.now() });
      if (status !== null && status >= 200 && status < 300) return;
      await new Promise((r) => setTimeout(r, 100 * attempt));
    }
  }

  function queueWebhook(p: FakePrediction, event: string, body: object): void {
    p.sentEvents.add(event);
    const wanted = p.webhookEventsFilter ?? ["output", "completed"];
    if (!p.webhook || p.markers.has("nowebhook") || !wanted.includes(event)) return;
    const text = JSON.stringify(body);
    // One chain per prediction keeps `start` ahead of `completed`.
    const chain = (deliveryChains.get(p.id) ?? Promise.resolve()).then(() => deliver(p, event, text));
    deliveryChains.set(p.id, chain);
  }

  function tick(): void {
    const now = Date.now();
    for (const p of predictions.values()) {
      if (p.sentEvents.has("completed")) continue;
      advance(p, timings, outputTtlMs, now);
      const view = predictionJson(p, apiBase, origin, timings, now);
      if (p.startedAt !== null && !p.sentEvents.has("start")) {
        queueWebhook(p, "start", { ...view, status: "processing", output: null, error: null, completed_at: null, metrics: {} });
      }
      if (isTerminal(p)) queueWebhook(p, "completed", view);
    }
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", origin);
    const parts = url.pathname.split("/").filter(Boolean);

    if (parts[0] === "files" && parts.length === 2 && (req.method === "GET" || req.method === "HEAD")) {
      return serveOutput(parts[1] ?? "", req, res, { downloads, predictions, timings, outputTtlMs });
    }
    if (parts[0] !== "v1") return problem(res, 404, "Not found", `No route for ${url.pathname}`);
    if (req.headers.authorization !== `Bearer ${token}`) {
      return problem(res, 401, "Unauthenticated", "You did not pass a valid authentication token");
    }
    const route = `${req.method} /${parts.slice(1).join("/")}`;

    if (req.method === "POST" && parts[1] === "models" && parts.length === 5 && parts[4] === "predictions") {
      return createPrediction(`${parts[2]}/${parts[3]}`, req, res);
    }
    if (route === "POST /predictions") return createPrediction(null, req, res);
    if (route === "GET /predictions") return listPredictions(url, res);
    if (req.method === "GET" && parts[1] === "predictions" && parts.length === 3) {
      const view = json(parts[2] ?? "");
      return view ? send(res, 200, view) : problem(res, 404, "Not found", "The requested resource could not be found.");
    }
    if (req.method === "POST" && parts[1] === "predictions" && parts.length === 4 && parts[3] === "cancel") {
      const p = predictions.get(parts[2] ?? "");
      if (!p) return problem(res, 404, "Not found", "The requested resource could not be found.");
      cancel(p, Date.now());
      return send(res, 200, json(p.id));
    }
    if (route === "GET /account") return send(res, 200, { type: "user", username: "dailies-fake", name: "Dailies fake", github_url: null });
    if (route === "GET /webhooks/default/secret") {
      secretRequests++;
      if (secretFailure !== null) return problem(res, secretFailure, "Service unavailable", "The webhook secret could not be read right now.");
      return send(res, 200, { key: webhookSecret });
    }
    if (route === "POST /files") return createFile(req, res, apiBase, uploads);
    if (req.method === "GET" && parts[1] === "files" && parts.length === 3) {
      const file = uploads.find((u) => u.id === parts[2]);
      if (!file) return problem(res, 404, "Not found", "The requested resource could not be found.");
      res.writeHead(200, { "content-type": file.contentType, "content-length": file.bytes.length });
      res.end(file.bytes);
      return;
    }
    return problem(res, 404, "Not found", `No route for ${route}`);
  }

  async function createPrediction(model: string | null, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    let body: Record<string, unknown>;
    try {
      body = JSON.parse((await readBody(req)).toString("utf8")) as Record<string, unknown>;
    } catch {
      return problem(res, 400, "Bad request", "The request body is not valid JSON.");
    }
    const input = body.input && typeof body.input === "object" ? (body.input as Record<string, unknown>) : null;
    const filter = Array.isArray(body.webhook_events_filter) ? body.webhook_events_filter.map(String) : null;
    const webhook = typeof body.webhook === "string" ? body.webhook : null;
    const resolvedModel = model ?? (typeof body.version === "string" ? body.version : "unknown/unknown");
    const markers = markersIn(input?.prompt, "replicate");
    const record = (answeredStatus: number) => {
      const entry = { model: resolvedModel, input: input ?? {}, webhook, webhookEventsFilter: filter, headers: headersOf(req), answeredStatus };
      attempts.push(entry);
      if (answeredStatus === 201) submissions.push(entry);
    };

    const prompt = typeof input?.prompt === "string" ? input.prompt : "";
    const limit = markers.has("429") ? 1 : Number(markers.get("ratelimit") ?? 0);
    if (limit > 0 && throttled.next(prompt) <= limit) {
      record(429);
      res.setHeader("retry-after", "1");
      return problem(res, 429, "Too many requests", "Request was throttled. Your rate limit resets in ~1s.");
    }
    if (markers.has("outage")) {
      record(503);
      return problem(res, 503, "Service unavailable", "Replicate is temporarily unavailable.");
    }
    if (markers.has("quota")) {
      record(402);
      // [U] Replicate's notes only say credit exhaustion is a 402; the body follows its problem-details shape.
      return problem(res, 402, "Insufficient credit", "You have insufficient credit to run this model. Go to https://replicate.com/account/billing to purchase credit.");
    }
    if (!input || markers.has("invalid")) {
      record(422);
      return send(res, 422, {
        type: "https://replicate.com/docs/reference/http#input-validation-error",
        title: "Input validation failed",
        status: 422,
        detail: "- input.duration: duration must be one of the following: 4, 6, 8",
        invalid_fields: [{ type: "enum", field: "input.duration", description: "duration must be one of the following: 4, 6, 8" }],
      });
    }
    record(201);
    const id = randomBytes(13).toString("hex");
    const p: FakePrediction = {
      id,
      model: resolvedModel,
      input,
      webhook,
      webhookEventsFilter: filter,
      markers,
      createdAt: Date.now(),
      cancelAfterMs: parseDuration(header(req, "cancel-after")),
      status: "starting",
      startedAt: null,
      completedAt: null,
      error: null,
      dataRemoved: false,
      cancelRequested: false,
      sentEvents: new Set(),
    };
    predictions.set(id, p);
    // [fake:hold=MS]: the prediction exists, but its creator hears of it only MS later (a crash can fall in between).
    const hold = Math.min(Number(markers.get("hold") ?? 0) || 0, 120_000);
    if (hold > 0) await new Promise((r) => setTimeout(r, hold));
    await holdForPreferWait(p, header(req, "prefer"));
    send(res, 201, json(id));
  }

  /**
   * `GET /v1/predictions`: the caller's predictions, newest first, `created_after` honoured, paged by
   * an opaque `cursor` in `next` (page size `listPageSize`). The shape of Replicate's documented
   * example: `{ next, previous, results: [prediction…] }`.
   */
  function listPredictions(url: URL, res: http.ServerResponse): void {
    listRequests++;
    if (!listable) return problem(res, 404, "Not found", "No route for GET /predictions");
    const after = url.searchParams.get("created_after");
    const since = after ? Date.parse(after) : -Infinity;
    const all = [...predictions.values()].filter((p) => p.createdAt >= since).sort((a, b) => b.createdAt - a.createdAt);
    const offset = Number(url.searchParams.get("cursor") ?? 0) || 0;
    const page = all.slice(offset, offset + listPageSize).map((p) => json(p.id));
    const more = offset + listPageSize < all.length;
    const next = more ? `${apiBase}/predictions?${new URLSearchParams({ ...(after ? { created_after: after } : {}), cursor: String(offset + listPageSize) })}` : null;
    send(res, 200, { next, previous: null, results: page });
  }

  /** `Prefer: wait[=N]` holds the answer until the prediction ends or N seconds pass. */
  async function holdForPreferWait(p: FakePrediction, prefer: string | undefined): Promise<void> {
    const m = prefer?.match(/^\s*wait(?:\s*=\s*(\d+))?/);
    if (!m) return;
    const until = Date.now() + Math.min(60, Number(m[1] ?? 60)) * 1000;
    while (!closed && Date.now() < until) {
      advance(p, timings, outputTtlMs, Date.now());
      if (isTerminal(p)) return;
      await new Promise((r) => setTimeout(r, TICK_MS));
    }
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) problem(res, 500, "Internal server error", String(err));
      else res.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  apiBase = `${origin}/v1`;
  const ticker = setInterval(tick, TICK_MS);
  ticker.unref();

  return {
    baseUrl: apiBase,
    origin,
    get token() {
      return token;
    },
    rotateToken() {
      token = newToken();
      return token;
    },
    get webhookSecret() {
      return webhookSecret;
    },
    get secretRequests() {
      return secretRequests;
    },
    get listRequests() {
      return listRequests;
    },
    submissions,
    attempts,
    downloads: (name?: string) => (name === undefined ? [...downloads.values()].reduce((a, b) => a + b, 0) : (downloads.get(name) ?? 0)),
    predictions,
    uploads,
    webhookDeliveries,
    prediction: json,
    finishProcessing() {
      const now = Date.now();
      let n = 0;
      for (const p of predictions.values()) {
        advance(p, timings, outputTtlMs, now);
        if (p.status === "processing") n += Number(finishNow(p, now));
      }
      return n;
    },
    cancelPrediction(id) {
      const p = predictions.get(id);
      if (p && !isTerminal(p)) cancel(p, Date.now());
    },
    failSecretRequests(status) {
      secretFailure = status;
    },
    rotateWebhookSecret() {
      webhookSecret = newSecret();
      return webhookSecret;
    },
    async sendWebhook(id, sendOpts = {}) {
      const p = predictions.get(id);
      const view = json(id);
      const url = sendOpts.url ?? p?.webhook;
      if (!p || !view || !url) throw new Error(`Fake Replicate: no prediction ${id} with a webhook URL`);
      const webhookId = sendOpts.webhookId ?? stableWebhookId(id, sendOpts.event ?? "completed");
      return postWebhook(url, buildReplicateWebhook(webhookSecret, view, { ...sendOpts, webhookId }));
    },
    async close() {
      closed = true;
      clearInterval(ticker);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
