/**
 * A loopback fake of fal's queue, storage and CDN, following the documented wire format
 * (shared/providers/fal.md). Requests move IN_QUEUE → IN_PROGRESS → COMPLETED on a clock
 * that starts at submit; completion posts a signed webhook. A marker in the prompt picks
 * a scenario per request, so parallel tests do not disturb each other:
 *   [fake:ratelimit=N] first N submits of that prompt → 429 (Retry-After: 1); [fake:429] = ratelimit=1
 *   [fake:invalid] submit → 422
 *   [fake:quota] submit → 403 exhausted balance                      [fake:safety] result 422 content policy
 *   [fake:fail] result 504 request_timeout                           [fake:slow] IN_PROGRESS for slowMs (60 s)
 *   [fake:expired] media 404    [fake:html] media is a web page      [fake:nowebhook] no webhook
 *   [fake:foreign] status/response/cancel URLs on another origin (localhost instead of 127.0.0.1)
 */
import fs from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { randomBytes, randomUUID } from "node:crypto";
import { sampleVideo } from "../fixtures/sample-video";
import {
  buildFalWebhook,
  errorPayload,
  generateFalSigningKey,
  okPayload,
  postFalWebhook,
  type FalSigningKey,
} from "./fal-webhook";
import type { FalFake, FalFakeOptions, FalSubmission } from "./fal-types";
import { Counter, markersIn, type Markers } from "./kit/markers";
import { readBody, SAFETY_DETAIL, send, TIMEOUT_DETAIL } from "./fal-http";

export type { FalFake, FalFakeOptions, FalSubmission } from "./fal-types";

interface FakeRequest {
  id: string;
  owner: string;
  app: string;
  endpoint: string;
  scenarios: Markers;
  submittedAt: number;
  canceled: boolean;
  urlOrigin: string;
}

type Phase = "IN_QUEUE" | "IN_PROGRESS" | "COMPLETED";

export async function startFalFake(opts: FalFakeOptions = {}): Promise<FalFake> {
  const { queuedMs, runningMs } = opts.timings ?? { queuedMs: 500, runningMs: 1500 };
  const slowMs = opts.slowMs ?? 60_000;
  const runFor = (r: FakeRequest) => (r.scenarios.has("slow") ? slowMs : runningMs);
  const key = opts.key ?? `fake-${randomBytes(8).toString("hex")}`;
  const userId = "fake-user";
  const video = await fs.readFile(await sampleVideo());
  const keys: FalSigningKey[] = [generateFalSigningKey()];
  const requests = new Map<string, FakeRequest>();
  const rateLimited = new Counter();
  const downloads = new Map<string, number>();
  const pendingUploads = new Map<string, { fileName: string; contentType: string; fileUrl: string }>();
  const files = new Map<string, { contentType: string; bytes: Buffer }>();
  const timers = new Set<NodeJS.Timeout>();
  let origin = "";
  let foreignOrigin = "";

  const fake = {
    submissions: [] as FalSubmission[],
    attempts: [] as FalSubmission[],
    uploads: [] as FalFake["uploads"],
    requests: [] as FalFake["requests"],
    webhookDeliveries: [] as FalFake["webhookDeliveries"],
  };

  const signingKey = () => keys[keys.length - 1]!;
  const phase = (r: FakeRequest, now = Date.now()): Phase => {
    if (r.canceled) return "COMPLETED";
    const elapsed = now - r.submittedAt;
    if (elapsed < queuedMs) return "IN_QUEUE";
    if (elapsed < queuedMs + runFor(r)) return "IN_PROGRESS";
    return "COMPLETED";
  };
  const requestBase = (r: FakeRequest) => `${r.urlOrigin}/queue/${r.owner}/${r.app}/requests/${r.id}`;
  const queueUrls = (r: FakeRequest) => ({
    request_id: r.id,
    status_url: `${requestBase(r)}/status`,
    response_url: requestBase(r),
    cancel_url: `${requestBase(r)}/cancel`,
  });
  const mediaUrl = (r: FakeRequest) => `${origin}/media/${r.id}.mp4`;
  const outcome = (r: FakeRequest): { status: number; body: unknown; headers?: Record<string, string> } => {
    if (r.canceled) return { status: 400, body: { detail: "Request was cancelled." } };
    if (r.scenarios.has("safety")) return { status: 422, body: SAFETY_DETAIL };
    if (r.scenarios.has("fail")) return { status: 504, body: TIMEOUT_DETAIL, headers: { "x-fal-error-type": "request_timeout" } };
    return {
      status: 200,
      body: { video: { url: mediaUrl(r), content_type: "video/mp4", file_name: `${r.id}.mp4`, file_size: video.length }, seed: 42 },
      headers: { "x-fal-request-id": r.id },
    };
  };
  const webhookPayload = (r: FakeRequest): unknown => {
    const result = outcome(r);
    if (result.status !== 200) return errorPayload(r.id, result.status, result.body);
    return { request_id: r.id, gateway_request_id: r.id, status: "OK", payload: result.body };
  };
  const buildWebhook: FalFake["buildWebhook"] = ({ requestId, payload, variant }) => {
    const id = requestId ?? randomUUID();
    const known = requests.get(id);
    const body = payload ?? (known ? webhookPayload(known) : okPayload(id, `${origin}/media/${id}.mp4`));
    return buildFalWebhook(signingKey(), { requestId: id, userId, payload: body, variant });
  };

  const later = (ms: number, fn: () => void) => {
    const t = setTimeout(() => {
      timers.delete(t);
      fn();
    }, ms);
    timers.add(t);
  };
  const deliver = (r: FakeRequest, url: string, attempt: number) => {
    if (r.canceled) return;
    void postFalWebhook(url, buildWebhook({ requestId: r.id }))
      .catch(() => null)
      .then((status) => {
        fake.webhookDeliveries.push({ requestId: r.id, url, status });
        // fal redelivers failed webhooks; a few quick tries are enough here.
        if ((status === null || status >= 300) && attempt < 3) later(200, () => deliver(r, url, attempt + 1));
      });
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) send(res, 500, { detail: String(err) });
      else res.destroy();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", origin);
    const method = req.method ?? "GET";
    fake.requests.push({ method, path: url.pathname + url.search, host: req.headers.host ?? "" });
    const path = url.pathname;

    if (method === "GET" && path === "/.well-known/jwks.json") return send(res, 200, { keys: keys.map((k) => k.jwk) });
    const media = /^\/media\/([\w-]+)\.mp4$/.exec(path);
    if (method === "GET" && media) return serveMedia(res, media[1]!);
    const file = /^\/files\/([\w-]+)\/[^/]+$/.exec(path);
    if (method === "GET" && file) {
      const f = files.get(file[1]!);
      return f ? send(res, 200, f.bytes, f.contentType) : send(res, 404, { detail: "Not found" });
    }
    const uploadTarget = /^\/rest\/uploads\/([\w-]+)$/.exec(path);
    if (method === "PUT" && uploadTarget) return receiveUpload(req, res, uploadTarget[1]!);

    if (req.headers.authorization !== `Key ${key}`) return send(res, 401, { detail: "No user found for Key ID and Secret" });

    if (method === "POST" && path === "/rest/storage/upload/initiate") {
      const body = JSON.parse((await readBody(req)).toString("utf8") || "{}") as { content_type?: string; file_name?: string };
      const id = randomUUID();
      const fileName = (body.file_name ?? "upload.bin").replace(/[^\w.-]/g, "_");
      const fileUrl = `${origin}/files/${id}/${fileName}`;
      pendingUploads.set(id, { fileName, contentType: body.content_type ?? "application/octet-stream", fileUrl });
      return send(res, 200, { upload_url: `${origin}/rest/uploads/${id}`, file_url: fileUrl });
    }
    if (!path.startsWith("/queue/")) return send(res, 404, { detail: "Not Found" });
    if (method === "POST") return submit(req, res, url);

    const route = /^\/queue\/([^/]+)\/([^/]+)\/requests\/([\w-]+)(\/status|\/cancel)?$/.exec(path);
    const r = route ? requests.get(route[3]!) : undefined;
    if (!route || !r || r.owner !== route[1] || r.app !== route[2]) return send(res, 404, { detail: "Request not found" });
    const now = Date.now();
    if (method === "GET" && route[4] === "/status") {
      const p = phase(r, now);
      const body: Record<string, unknown> = { status: p, ...queueUrls(r) };
      if (p === "IN_QUEUE") body.queue_position = 0;
      if (p === "IN_PROGRESS" && url.searchParams.get("logs") === "1") {
        const pct = r.scenarios.has("slow") ? 42 : Math.min(99, Math.floor(((now - r.submittedAt - queuedMs) / runningMs) * 100));
        body.logs = [{ message: `Generating video: ${pct}%`, level: "INFO", source: "USER", timestamp: new Date(now).toISOString() }];
      }
      if (p === "COMPLETED") body.metrics = { inference_time: runningMs / 1000 };
      return send(res, p === "COMPLETED" ? 200 : 202, body);
    }
    if (method === "GET" && !route[4]) {
      if (phase(r, now) !== "COMPLETED") return send(res, 400, { detail: "Request is still in progress" });
      const result = outcome(r);
      return send(res, result.status, result.body, "application/json", result.headers);
    }
    if (method === "PUT" && route[4] === "/cancel") {
      if (phase(r, now) === "COMPLETED") return send(res, 400, { status: "ALREADY_COMPLETED" });
      r.canceled = true;
      return send(res, 202, { status: "CANCELLATION_REQUESTED" });
    }
    return send(res, 405, { detail: "Method Not Allowed" });
  }

  async function submit(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    const endpoint = url.pathname.slice("/queue/".length);
    const [owner, app] = endpoint.split("/");
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(", ") : (v ?? "")]));
    let input: Record<string, unknown>;
    try {
      input = JSON.parse((await readBody(req)).toString("utf8")) as Record<string, unknown>;
    } catch {
      return send(res, 422, { detail: [{ loc: ["body"], msg: "Invalid JSON", type: "json_invalid" }] });
    }
    const webhookUrl = url.searchParams.get("fal_webhook");
    const submission: FalSubmission = { requestId: null, endpoint, input, webhookUrl, headers };
    fake.attempts.push(submission);
    if (!owner || !app) return send(res, 404, { detail: "Application not found" });

    const prompt = typeof input.prompt === "string" ? input.prompt : "";
    const scenarios = markersIn(prompt, "fal");
    const limit = scenarios.has("429") ? 1 : Number(scenarios.get("ratelimit") ?? 0);
    if (limit > 0 && rateLimited.next(prompt) <= limit) {
      return send(res, 429, { detail: "Too many concurrent requests" }, "application/json", { "retry-after": "1" });
    }
    if (scenarios.has("invalid")) {
      return send(res, 422, { detail: [{ loc: ["body", "duration"], msg: "Input should be '5' or '10'", type: "literal_error" }] });
    }
    if (scenarios.has("quota")) {
      return send(res, 403, { detail: "User is locked. Reason: Exhausted balance. Top up your balance at fal.ai/dashboard/billing." });
    }

    const r: FakeRequest = {
      id: randomUUID(),
      owner,
      app,
      endpoint,
      scenarios,
      submittedAt: Date.now(),
      canceled: false,
      urlOrigin: scenarios.has("foreign") ? foreignOrigin : origin,
    };
    requests.set(r.id, r);
    submission.requestId = r.id;
    fake.submissions.push(submission);
    if (webhookUrl && !scenarios.has("nowebhook")) later(queuedMs + runFor(r), () => deliver(r, webhookUrl, 1));
    return send(res, 200, { ...queueUrls(r), status: "IN_QUEUE", queue_position: 0, gateway_request_id: r.id });
  }

  function serveMedia(res: http.ServerResponse, id: string): void {
    downloads.set(id, (downloads.get(id) ?? 0) + 1);
    const r = requests.get(id);
    if (!r || phase(r) !== "COMPLETED" || r.canceled || r.scenarios.has("expired")) return send(res, 404, "Not Found", "text/plain");
    const completedAt = r.submittedAt + queuedMs + runFor(r);
    if (opts.outputTtlMs !== undefined && Date.now() - completedAt > opts.outputTtlMs) return send(res, 404, "Not Found", "text/plain");
    if (r.scenarios.has("html")) return send(res, 200, "<!doctype html><title>Sign in</title><p>Please sign in.</p>", "text/html; charset=utf-8");
    send(res, 200, video, "video/mp4");
  }

  async function receiveUpload(req: http.IncomingMessage, res: http.ServerResponse, id: string): Promise<void> {
    const pending = pendingUploads.get(id);
    if (!pending) return send(res, 404, "No such upload", "text/plain");
    const bytes = await readBody(req);
    pendingUploads.delete(id);
    const contentType = req.headers["content-type"] ?? pending.contentType;
    files.set(id, { contentType, bytes });
    fake.uploads.push({ fileName: pending.fileName, contentType, size: bytes.length, fileUrl: pending.fileUrl });
    send(res, 200, "", "text/plain");
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  foreignOrigin = `http://localhost:${port}`;

  return {
    origin,
    queueUrl: `${origin}/queue`,
    restUrl: `${origin}/rest`,
    jwksUrl: `${origin}/.well-known/jwks.json`,
    key,
    userId,
    env: { FAL_KEY: key, FAL_QUEUE_URL: `${origin}/queue`, FAL_REST_URL: `${origin}/rest`, FAL_JWKS_URL: `${origin}/.well-known/jwks.json` },
    ...fake,
    downloads: (requestId?: string) => (requestId === undefined ? [...downloads.values()].reduce((a, b) => a + b, 0) : (downloads.get(requestId) ?? 0)),
    canceled: (requestId: string) => requests.get(requestId)?.canceled === true,
    rotateKey() {
      const next = generateFalSigningKey();
      keys.push(next);
      return next;
    },
    buildWebhook,
    sendWebhook: (url, o) => postFalWebhook(url, buildWebhook(o)),
    async close() {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
