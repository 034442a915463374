/** The Replicate adapter against the loopback fake, over real HTTP. */
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { buildReplicateWebhook, startReplicateFake, type ReplicateFake } from "../../../e2e/fakes/replicate";
import { sampleVideo } from "../../../e2e/fixtures/sample-video";
import { resetEnvCache } from "../../env";
import { ProviderError, WebhookVerificationError } from "../provider-error";
import type { ProviderJob, ProviderJobRef, ProviderUpdate, SubmitContext } from "../types";
import { cancelAfterHeader, replicateProvider as provider } from "./adapter";
import { SAFETY_MESSAGE } from "./errors";
import { replicateModel } from "./models";
import { resetReplicateWebhookSecretCache, verifyReplicateSignature } from "./webhook-secret";
import { providerJobFor } from "../../../e2e/support/provider-job";

const ENV_KEYS = ["REPLICATE_BASE_URL", "REPLICATE_API_TOKEN", "REPLICATE_WEBHOOK_SECRET", "DATA_DIR"] as const;
const savedEnv = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]));
let fake: ReplicateFake;
let receiver: Receiver;

function useEnv(values: Partial<Record<(typeof ENV_KEYS)[number], string | undefined>>): void {
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  resetEnvCache();
}

beforeAll(async () => {
  fake = await startReplicateFake({ timings: { startingMs: 50, processingMs: 250 } });
  receiver = await startReceiver();
  useEnv({ DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "dailies-replicate-")) });
});

beforeEach(() => {
  useEnv({ REPLICATE_BASE_URL: fake.baseUrl, REPLICATE_API_TOKEN: fake.token, REPLICATE_WEBHOOK_SECRET: undefined });
  resetReplicateWebhookSecretCache();
});

afterAll(async () => {
  await fake?.close();
  await receiver?.close();
  useEnv(savedEnv);
});

function job(modelId: string, overrides: Partial<ProviderJob> = {}): ProviderJob {
  return providerJobFor(replicateModel(modelId), overrides);
}

const noWebhook: SubmitContext = { webhookUrl: null, image: null };
const tick = () => new Promise((r) => setTimeout(r, 20));

/** Polls the adapter until `done` holds; bounded so a broken fake fails the test instead of hanging. */
async function pollUntil(ref: ProviderJobRef, done: (u: ProviderUpdate) => boolean, timeoutMs = 10_000): Promise<ProviderUpdate> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const update = await provider.poll(ref);
    if (done(update)) return update;
    if (Date.now() > until) throw new Error(`still ${update.status} after ${timeoutMs} ms`);
    await tick();
  }
}

const isTerminal = (u: ProviderUpdate) => ["succeeded", "failed", "canceled"].includes(u.status);

async function rejection(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => {
      throw new Error("expected a rejection");
    },
    (err: unknown) => err,
  );
}

describe("submit", () => {
  it("posts to the model's predictions route with auth, Cancel-After, input and webhook", async () => {
    const j = job("replicate:google/veo-3.1-fast", { negativePrompt: "blurry", seed: 42, durationSeconds: 6, resolution: "720p", aspectRatio: "9:16", deadlineAt: Date.now() + 3_540_000 });
    const submitted = await provider.submit(j, { webhookUrl: `${receiver.url}/hook`, image: null });

    const sub = fake.submissions.at(-1);
    expect(sub?.model).toBe("google/veo-3.1-fast");
    expect(sub?.headers.authorization).toBe(`Bearer ${fake.token}`);
    expect(sub?.headers["cancel-after"]).toMatch(/^35[34]\ds$/);
    expect(sub?.headers["content-type"]).toBe("application/json");
    expect(sub?.input).toEqual({ prompt: j.prompt, negative_prompt: "blurry", seed: 42, aspect_ratio: "9:16", resolution: "720p", duration: 6 });
    expect(sub?.webhook).toBe(`${receiver.url}/hook`);
    expect(sub?.webhookEventsFilter).toEqual(["start", "completed"]);
    expect(submitted.providerJobId).toMatch(/^[a-z0-9]+$/);
    expect(submitted.providerData).toBeNull();
    expect(submitted.update.status).toBe("queued");
  });

  it("leaves the webhook out when we poll, and never asks for less than a minute", async () => {
    await provider.submit(job("replicate:google/veo-3.1", { deadlineAt: Date.now() - 5000 }), noWebhook);
    const sub = fake.submissions.at(-1);
    expect(sub?.webhook).toBeNull();
    expect(sub?.webhookEventsFilter).toBeNull();
    expect(sub?.headers["cancel-after"]).toBe("60s");
    expect(cancelAfterHeader(Date.now() + 3_540_000, Date.now())).toBe("3540s");
  });

  it("maps frame-counted durations and resolution tables", async () => {
    await provider.submit(job("replicate:wan-video/wan-2.2-t2v-fast", { seed: 7, prompt: "A lighthouse at dusk, slow dolly in" }), noWebhook);
    expect(fake.submissions.at(-1)?.input).toEqual({
      prompt: "A lighthouse at dusk, slow dolly in", seed: 7, aspect_ratio: "16:9", resolution: "720p", frames_per_second: 16, num_frames: 81,
    });
    await provider.submit(job("replicate:lightricks/ltx-video", { durationSeconds: 8, resolution: "768p" }), noWebhook);
    expect(fake.submissions.at(-1)?.input).toMatchObject({ length: 193, target_size: 768, aspect_ratio: "16:9" });
  });

  it("sends a small start image inline as a data URI", async () => {
    const bytes = Buffer.alloc(2048, 7);
    await provider.submit(job("replicate:google/veo-3.1-fast"), { webhookUrl: null, image: { bytes, mime: "image/png" } });
    expect(fake.submissions.at(-1)?.input.image).toBe(`data:image/png;base64,${bytes.toString("base64")}`);
  });

  it("uploads a start image over 1 MB through the Files API and passes its URL", async () => {
    const bytes = Buffer.alloc(1_200_000, 3);
    const before = fake.uploads.length;
    await provider.submit(job("replicate:kwaivgi/kling-v2.1", { resolution: "1080p" }), { webhookUrl: null, image: { bytes, mime: "image/jpeg" } });
    expect(fake.uploads.length).toBe(before + 1);
    const upload = fake.uploads.at(-1);
    expect(upload?.contentType).toBe("image/jpeg");
    expect(upload?.bytes.equals(bytes)).toBe(true);
    expect(fake.submissions.at(-1)?.input).toMatchObject({ start_image: upload?.url, mode: "pro", duration: 5 });
  });

  it("refuses an image-only model without an image before calling Replicate", async () => {
    const before = fake.submissions.length;
    const err = await rejection(provider.submit(job("replicate:kwaivgi/kling-v2.1"), noWebhook));
    expect(err).toBeInstanceOf(ProviderError);
    expect((err as ProviderError).code).toBe("invalid_input");
    expect(fake.submissions.length).toBe(before);
  });

  it("turns 429 into a retryable rate_limited error with Retry-After, then succeeds on retry", async () => {
    const j = job("replicate:google/veo-3.1-fast", { prompt: "waves [fake:429]" });
    const err = await rejection(provider.submit(j, noWebhook));
    expect(err).toMatchObject({ code: "rate_limited", retryable: true, retryAfterSeconds: 1, httpStatus: 429 });
    const ok = await provider.submit(j, noWebhook);
    expect(ok.providerJobId).toBeTruthy();
  });

  it("turns 422 into invalid_input carrying Replicate's detail", async () => {
    const err = await rejection(provider.submit(job("replicate:google/veo-3.1-fast", { prompt: "x [fake:invalid]" }), noWebhook));
    expect(err).toMatchObject({ code: "invalid_input", retryable: false });
    expect((err as Error).message).toContain("duration must be one of the following");
  });

  it("turns a rejected token into a non-retryable provider_error naming the setting", async () => {
    useEnv({ REPLICATE_API_TOKEN: "r8_wrong" });
    const err = await rejection(provider.submit(job("replicate:google/veo-3.1-fast"), noWebhook));
    expect(err).toMatchObject({ code: "provider_error", retryable: false, httpStatus: 401 });
    expect((err as Error).message).toContain("REPLICATE_API_TOKEN");
  });
});

describe("poll and fetchOutput", () => {
  it("reaches succeeded with an output URL, and fetchOutput streams the real MP4", async () => {
    const { providerJobId } = await provider.submit(job("replicate:google/veo-3.1-fast"), noWebhook);
    const ref = { providerJobId, providerData: null };
    const running = await pollUntil(ref, (u) => u.status === "running" || isTerminal(u));
    expect(["running", "succeeded"]).toContain(running.status);
    const done = await pollUntil(ref, isTerminal);
    expect(done.status).toBe("succeeded");
    expect(done.outputUrl).toBe(`${fake.origin}/files/${providerJobId}.mp4`);

    const res = await provider.fetchOutput(ref, done, AbortSignal.timeout(10_000));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("video/mp4");
    const body = Buffer.from(await res.arrayBuffer());
    expect(body.equals(fs.readFileSync(await sampleVideo()))).toBe(true);
    expect(body.subarray(4, 8).toString("latin1")).toBe("ftyp");
  });

  it("reports progress from tqdm lines while processing", async () => {
    const { providerJobId } = await provider.submit(job("replicate:google/veo-3.1-fast", { prompt: "fog [fake:slow]" }), noWebhook);
    const ref = { providerJobId, providerData: null };
    const running = await pollUntil(ref, (u) => u.status === "running");
    expect(running.progress).toBe(0);
    await provider.cancel?.(ref);
  });

  it("takes the first URL when a model answers an array", async () => {
    const { providerJobId } = await provider.submit(job("replicate:lightricks/ltx-video"), noWebhook);
    const done = await pollUntil({ providerJobId, providerData: null }, isTerminal);
    expect(done.outputUrl).toBe(`${fake.origin}/files/${providerJobId}.mp4`);
  });

  it("classifies a safety refusal as content_policy with an actionable sentence", async () => {
    const { providerJobId } = await provider.submit(job("replicate:bytedance/seedance-1-pro", { prompt: "x [fake:safety]" }), noWebhook);
    const done = await pollUntil({ providerJobId, providerData: null }, isTerminal);
    expect(done).toMatchObject({ status: "failed", errorCode: "content_policy", message: SAFETY_MESSAGE });
  });

  it("classifies other failures as provider_error with Replicate's text", async () => {
    const { providerJobId } = await provider.submit(job("replicate:minimax/hailuo-02", { prompt: "x [fake:fail]" }), noWebhook);
    const done = await pollUntil({ providerJobId, providerData: null }, isTerminal);
    expect(done).toMatchObject({ status: "failed", errorCode: "provider_error" });
    expect(done.message).toContain("illegal memory access");
  });

  it("fails fetchOutput with output_expired when the file is gone", async () => {
    const { providerJobId } = await provider.submit(job("replicate:google/veo-3.1-fast", { prompt: "x [fake:expired]" }), noWebhook);
    const ref = { providerJobId, providerData: null };
    const done = await pollUntil(ref, isTerminal);
    const err = await rejection(provider.fetchOutput(ref, done, AbortSignal.timeout(10_000)));
    expect(err).toMatchObject({ code: "output_expired", retryable: false, httpStatus: 404 });
  });

  it("fails output_expired without a request when Replicate removed the data or an hour has passed", async () => {
    const unreachable = "http://127.0.0.1:1/files/x.mp4";
    const ref = { providerJobId: "p1", providerData: null };
    const removed: ProviderUpdate = { status: "succeeded", outputUrl: unreachable, raw: { id: "p1", status: "succeeded", data_removed: true } };
    expect(await rejection(provider.fetchOutput(ref, removed, AbortSignal.timeout(5000)))).toMatchObject({ code: "output_expired" });
    const old = new Date(Date.now() - 61 * 60_000).toISOString();
    const stale: ProviderUpdate = { status: "succeeded", outputUrl: unreachable, raw: { id: "p1", status: "succeeded", completed_at: old } };
    expect(await rejection(provider.fetchOutput(ref, stale, AbortSignal.timeout(5000)))).toMatchObject({ code: "output_expired" });
  });

  it("loses the output after the retention window: 404 and data_removed, like Replicate's 1 h", async () => {
    const shortLived = await startReplicateFake({ timings: { startingMs: 10, processingMs: 50 }, outputTtlMs: 150 });
    try {
      useEnv({ REPLICATE_BASE_URL: shortLived.baseUrl, REPLICATE_API_TOKEN: shortLived.token });
      const { providerJobId } = await provider.submit(job("replicate:google/veo-3.1-fast"), noWebhook);
      const ref = { providerJobId, providerData: null };
      const removed = await pollUntil(ref, (u) => (u.raw as { data_removed?: boolean }).data_removed === true);
      expect(removed.status).toBe("succeeded");
      expect((await fetch(removed.outputUrl!)).status).toBe(404);
      expect(await rejection(provider.fetchOutput(ref, removed, AbortSignal.timeout(5000)))).toMatchObject({ code: "output_expired" });
    } finally {
      await shortLived.close();
    }
  });

  it("treats a 5xx from the file server as retryable", async () => {
    const update: ProviderUpdate = { status: "succeeded", outputUrl: `${receiver.url}/status/503`, raw: null };
    const err = await rejection(provider.fetchOutput({ providerJobId: "p", providerData: null }, update, AbortSignal.timeout(5000)));
    expect(err).toMatchObject({ code: "provider_error", retryable: true, httpStatus: 503 });
  });

  it("returns an HTML 200 as is: telling it is not a video is the probe's job", async () => {
    const { providerJobId } = await provider.submit(job("replicate:google/veo-3.1-fast", { prompt: "x [fake:html]" }), noWebhook);
    const ref = { providerJobId, providerData: null };
    const done = await pollUntil(ref, isTerminal);
    const res = await provider.fetchOutput(ref, done, AbortSignal.timeout(10_000));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/html");
    expect(await res.text()).toContain("<html>");
  });
});

describe("cancel", () => {
  it("cancels at Replicate; our own cancel carries no error code", async () => {
    const { providerJobId } = await provider.submit(job("replicate:google/veo-3.1-fast", { prompt: "x [fake:slow]" }), noWebhook);
    const ref = { providerJobId, providerData: null };
    await pollUntil(ref, (u) => u.status === "running");
    await provider.cancel?.(ref);
    const done = await pollUntil(ref, isTerminal);
    expect(done.status).toBe("canceled");
    expect(done.errorCode).toBeUndefined();
    expect(fake.predictions.get(providerJobId)?.cancelRequested).toBe(true);
  });

  it("marks a cancel we did not ask for as canceled_by_provider", async () => {
    const { providerJobId } = await provider.submit(job("replicate:google/veo-3.1-fast", { prompt: "x [fake:slow]" }), noWebhook);
    fake.cancelPrediction(providerJobId);
    const done = await pollUntil({ providerJobId, providerData: null }, isTerminal);
    expect(done).toMatchObject({ status: "canceled", errorCode: "canceled_by_provider" });
  });
});

describe("verifyWebhook", () => {
  async function deliveredCompletion(prompt = "A lighthouse at dusk"): Promise<Delivery> {
    const { providerJobId } = await provider.submit(job("replicate:google/veo-3.1-fast", { prompt }), { webhookUrl: `${receiver.url}/hook`, image: null });
    return receiver.waitFor((d) => d.json.id === providerJobId && d.json.status === "succeeded");
  }

  it("accepts the fake's real start and completed webhooks, fetching the secret from the API", async () => {
    const before = fake.secretRequests;
    const completed = await deliveredCompletion();
    const id = String(completed.json.id);
    const start = await receiver.waitFor((d) => d.json.id === id && d.headers.get("webhook-id") !== completed.headers.get("webhook-id"));

    const startEvent = await provider.verifyWebhook!(start.body, start.headers);
    expect(startEvent.update.status).toBe("running");
    const event = await provider.verifyWebhook!(completed.body, completed.headers);
    expect(event.eventId).toBe(completed.headers.get("webhook-id"));
    expect(event.providerJobId).toBe(id);
    expect(event.update).toMatchObject({ status: "succeeded", outputUrl: `${fake.origin}/files/${id}.mp4` });
    expect(fake.secretRequests).toBe(before + 1);
  });

  it("keeps the same webhook-id when a delivery is resent, for dedupe", async () => {
    const first = await deliveredCompletion();
    const id = String(first.json.id);
    const count = receiver.deliveries.length;
    expect(await fake.sendWebhook(id)).toBe(204);
    const again = await receiver.waitFor((d) => d.json.id === id, count);
    expect(again.headers.get("webhook-id")).toBe(first.headers.get("webhook-id"));
    expect((await provider.verifyWebhook!(again.body, again.headers)).eventId).toBe((await provider.verifyWebhook!(first.body, first.headers)).eventId);
  });

  it("rejects a tampered body, a bad signature and a stale timestamp", async () => {
    const d = await deliveredCompletion();
    const tampered = Buffer.from(d.body.toString("utf8").replace('"status":"succeeded"', '"status":"failed"'));
    await expect(provider.verifyWebhook!(tampered, d.headers)).rejects.toBeInstanceOf(WebhookVerificationError);

    const bad = buildReplicateWebhook(fake.webhookSecret, d.body.toString("utf8"), { badSignature: true });
    await expect(provider.verifyWebhook!(Buffer.from(bad.body), new Headers(bad.headers))).rejects.toBeInstanceOf(WebhookVerificationError);

    const stale = buildReplicateWebhook(fake.webhookSecret, d.body.toString("utf8"), { timestampMs: Date.now() - 10 * 60_000 });
    await expect(provider.verifyWebhook!(Buffer.from(stale.body), new Headers(stale.headers))).rejects.toBeInstanceOf(WebhookVerificationError);

    await expect(provider.verifyWebhook!(d.body, new Headers())).rejects.toBeInstanceOf(WebhookVerificationError);
  });

  it("uses REPLICATE_WEBHOOK_SECRET when set, without asking the API", async () => {
    useEnv({ REPLICATE_WEBHOOK_SECRET: fake.webhookSecret });
    const before = fake.secretRequests;
    const msg = buildReplicateWebhook(fake.webhookSecret, { id: "abc", status: "processing", logs: "" });
    const event = await provider.verifyWebhook!(Buffer.from(msg.body), new Headers(msg.headers));
    expect(event).toMatchObject({ eventId: msg.webhookId, providerJobId: "abc", update: { status: "running" } });
    expect(fake.secretRequests).toBe(before);
  });

  it("refetches the secret once when it was rotated, and not again right away", async () => {
    const old = buildReplicateWebhook(fake.webhookSecret, { id: "r1", status: "starting" });
    await provider.verifyWebhook!(Buffer.from(old.body), new Headers(old.headers));
    const afterFirstFetch = fake.secretRequests;

    const rotated = fake.rotateWebhookSecret();
    const msg = buildReplicateWebhook(rotated, { id: "r1", status: "processing" });
    const later = Date.now() + 15_000;
    expect(await verifyReplicateSignature(Buffer.from(msg.body), new Headers(msg.headers), later)).toBe(msg.webhookId);
    expect(fake.secretRequests).toBe(afterFirstFetch + 1);

    const forged = buildReplicateWebhook(rotated, { id: "r1", status: "succeeded" }, { badSignature: true });
    await expect(verifyReplicateSignature(Buffer.from(forged.body), new Headers(forged.headers), later + 1000)).rejects.toBeInstanceOf(WebhookVerificationError);
    expect(fake.secretRequests).toBe(afterFirstFetch + 1);
  });
});

interface Delivery {
  headers: Headers;
  body: Buffer;
  json: Record<string, unknown>;
}

interface Receiver {
  url: string;
  deliveries: Delivery[];
  waitFor(match: (d: Delivery) => boolean, fromIndex?: number, timeoutMs?: number): Promise<Delivery>;
  close(): Promise<void>;
}

/** A loopback webhook receiver; `/status/<code>` answers that status (for file-server errors). */
async function startReceiver(): Promise<Receiver> {
  const deliveries: Delivery[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const status = req.url?.match(/^\/status\/(\d{3})$/)?.[1];
      if (status) {
        res.writeHead(Number(status)).end();
        return;
      }
      const body = Buffer.concat(chunks);
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
      let json: Record<string, unknown> = {};
      try {
        json = JSON.parse(body.toString("utf8")) as Record<string, unknown>;
      } catch {
        // not JSON: kept with an empty view
      }
      deliveries.push({ headers, body, json });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    deliveries,
    async waitFor(match, fromIndex = 0, timeoutMs = 10_000) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const found = deliveries.slice(fromIndex).find(match);
        if (found) return found;
        if (Date.now() > until) throw new Error("no matching webhook delivery arrived");
        await tick();
      }
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
