import { EventEmitter } from "node:events";
import fs from "node:fs";
import fsp from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { localRenderJob } from "../../../e2e/support/local-render-job";
import { db } from "../../db/client";
import { getLocalRender, insertLocalRender, updateLocalRender } from "../../db/queries/local-renders";
import { internalUrl, resetEnvCache } from "../../env";
import { resetFfmpegPathCache } from "../../media/ffmpeg-path";
import { probe } from "../../media/probe";
import { storage } from "../../storage";
import { keys } from "../../storage/keys";
import { signedHeaders } from "../../webhooks/standard-webhooks";
import { ProviderError, WebhookVerificationError } from "../kit/errors";
import type { ProviderJob, ProviderJobRef, ProviderUpdate, SubmitContext } from "../types";
import { localProvider, localWebhookSecret } from "./adapter";
import { localModels } from "./models";
import { ownsRender } from "./render-queue";
import { webhookRequest } from "../../../e2e/support/webhook-request";

/** Stands in for app/api/webhooks/[provider]: records every delivery as received. */
interface Delivery {
  headers: Headers;
  body: Buffer;
}

let dataDir: string;
let server: http.Server;
const deliveries: Delivery[] = [];
const delivered = new EventEmitter();

beforeAll(async () => {
  dataDir = await fsp.mkdtemp(path.join(os.tmpdir(), "dailies-local-provider-"));
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
      const d = { headers, body: Buffer.concat(chunks) };
      deliveries.push(d);
      res.writeHead(200).end("ok");
      delivered.emit("delivery", d);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  process.env.DATA_DIR = dataDir;
  process.env.INTERNAL_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.env.APP_SECRET = "test-secret-that-is-at-least-32-characters-long";
  resetEnvCache();
  resetFfmpegPathCache();
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await fsp.rm(dataDir, { recursive: true, force: true });
});

const model = localModels[0]!;

const job = (overrides: Partial<ProviderJob> = {}) => localRenderJob({ model, prompt: 'A paper boat on a rainy street, 100% "wet"', seed: null, ...overrides });

const noImage: SubmitContext = { webhookUrl: null, image: null };

interface HookBody {
  renderId: string;
  status: string;
  progress: number;
}

/** Resolves with the first delivery for this render whose body matches. */
function webhookWhere(renderId: string, test: (body: HookBody) => boolean): Promise<Delivery> {
  const match = (d: Delivery) => {
    const body = JSON.parse(d.body.toString("utf8")) as HookBody;
    return body.renderId === renderId && test(body);
  };
  const seen = deliveries.find(match);
  if (seen) return Promise.resolve(seen);
  return new Promise((resolve) => {
    const on = (d: Delivery) => {
      if (!match(d)) return;
      delivered.off("delivery", on);
      resolve(d);
    };
    delivered.on("delivery", on);
  });
}

const webhookFor = (renderId: string, status: string) => webhookWhere(renderId, (b) => b.status === status);

function deliveriesFor(renderId: string): Delivery[] {
  return deliveries.filter((d) => (JSON.parse(d.body.toString("utf8")) as { renderId: string }).renderId === renderId);
}

async function pollUntil(ref: ProviderJobRef, done: (u: ProviderUpdate) => boolean): Promise<ProviderUpdate> {
  let last: ProviderUpdate | null = null;
  await vi.waitFor(
    async () => {
      last = await localProvider.poll(ref);
      if (!done(last)) throw new Error(`still ${last.status} (${last.progress ?? 0})`);
    },
    { timeout: 45_000, interval: 50 },
  );
  return last!;
}

async function saveOutput(ref: ProviderJobRef, update: ProviderUpdate, file: string): Promise<void> {
  const res = await localProvider.fetchOutput(ref, update, AbortSignal.timeout(30_000));
  expect(res.headers.get("content-type")).toBe("video/mp4");
  expect(Number(res.headers.get("content-length"))).toBeGreaterThan(1000);
  await pipeline(Readable.fromWeb(res.body as WebReadableStream<Uint8Array>), fs.createWriteStream(file));
}

describe("localProvider", () => {
  it("is always configured, takes webhooks, and offers one honest model", () => {
    expect(localProvider.isConfigured()).toBe(true);
    expect(localProvider.callbacks).toBe("internal");
    expect(localProvider.models.map((m) => [m.id, m.label])).toEqual([["local:preview", "Local preview (no AI)"]]);
  });

  it("submits at once, renders, reports by signed webhooks, and serves the video", async () => {
    const submitted = await localProvider.submit(job(), noImage);
    expect(submitted.providerJobId).toMatch(/^lr_[A-Za-z0-9_-]{22}$/);
    expect(submitted.update.status).toBe("queued");

    const completion = await webhookFor(submitted.providerJobId, "succeeded");
    const update = await localProvider.poll(submitted);
    expect(update).toMatchObject({ status: "succeeded", progress: 1 });

    const hooks = deliveriesFor(submitted.providerJobId);
    expect(hooks.length).toBeGreaterThanOrEqual(2);
    const events = await Promise.all(hooks.map((d) => localProvider.verifyWebhook!(webhookRequest(d.body, d.headers), { job: null })));
    expect(new Set(events.map((e) => e.eventId)).size).toBe(events.length);
    expect(events.every((e) => e.providerJobId === submitted.providerJobId)).toBe(true);
    expect(events[0]?.update.status).toBe("running");
    expect(events.at(-1)?.update).toMatchObject({ status: "succeeded", progress: 1 });
    expect(hooks.at(-1)).toBe(completion);

    const out = path.join(dataDir, "fetched.mp4");
    await saveOutput(submitted, update, out);
    const info = await probe(out);
    expect([info.width, info.height]).toEqual([854, 480]);
    expect(Math.abs(info.durationSeconds - 2)).toBeLessThanOrEqual(0.1);

    await localProvider.release!(submitted);
    expect(fs.existsSync(path.join(dataDir, "renders", submitted.providerJobId))).toBe(false);
    await expect(localProvider.fetchOutput(submitted, update, AbortSignal.timeout(1000))).rejects.toMatchObject({ code: "output_expired" });
    expect(await localProvider.poll(submitted)).toMatchObject({ status: "failed", errorCode: "internal" });
  });

  it("rejects a tampered body, a stale timestamp and a wrong secret", async () => {
    const submitted = await localProvider.submit(job({ durationSeconds: 2 }), noImage);
    const d = await webhookFor(submitted.providerJobId, "succeeded");
    await expect(localProvider.verifyWebhook!(webhookRequest(d.body, d.headers), { job: null })).resolves.toMatchObject({ providerJobId: submitted.providerJobId });

    const tampered = Buffer.from(d.body.toString("utf8").replace('"succeeded"', '"failed"'));
    await expect(localProvider.verifyWebhook!(webhookRequest(tampered, d.headers), { job: null })).rejects.toBeInstanceOf(WebhookVerificationError);

    const id = d.headers.get("webhook-id")!;
    const stale = new Headers(signedHeaders(localWebhookSecret(), id, d.body, Date.now() - 10 * 60_000));
    await expect(localProvider.verifyWebhook!(webhookRequest(d.body, stale), { job: null })).rejects.toBeInstanceOf(WebhookVerificationError);

    const forged = new Headers(signedHeaders(`whsec_${Buffer.from("not our secret").toString("base64")}`, id, d.body));
    await expect(localProvider.verifyWebhook!(webhookRequest(d.body, forged), { job: null })).rejects.toBeInstanceOf(WebhookVerificationError);
    await localProvider.release!(submitted);
  });

  it("moves the camera over an input image at the job's aspect ratio", async () => {
    const bytes = await sharp({ create: { width: 640, height: 480, channels: 3, background: { r: 10, g: 120, b: 90 } } }).png().toBuffer();
    const submitted = await localProvider.submit(job({ aspectRatio: "9:16", prompt: "tilt up to the sky", fps: 30 }), {
      webhookUrl: `${internalUrl()}/api/webhooks/local?job=abc`,
      image: { bytes, mime: "image/png" },
    });
    const update = await pollUntil(submitted, (u) => u.status !== "queued" && u.status !== "running");
    expect(update.status).toBe("succeeded");
    const out = path.join(dataDir, "fetched-image.mp4");
    await saveOutput(submitted, update, out);
    const info = await probe(out);
    expect([info.width, info.height]).toEqual([480, 854]);
    await localProvider.release!(submitted);
  });

  it("fails with invalid_input when ffmpeg cannot read the image", async () => {
    const bytes = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from("not really a png")]);
    const submitted = await localProvider.submit(job(), { webhookUrl: null, image: { bytes, mime: "image/png" } });
    const update = await pollUntil(submitted, (u) => u.status !== "queued" && u.status !== "running");
    expect(update).toMatchObject({ status: "failed", errorCode: "invalid_input" });
    const hook = await webhookFor(submitted.providerJobId, "failed");
    expect((await localProvider.verifyWebhook!(webhookRequest(hook.body, hook.headers), { job: null })).update.errorCode).toBe("invalid_input");
    await localProvider.release!(submitted);
  });

  it("cancels a running render (ffmpeg killed, no output) and a queued one", async () => {
    const running = await localProvider.submit(job({ resolution: "720p", durationSeconds: 10, fps: 30 }), noImage);
    const waiting = await localProvider.submit(job(), noImage);
    // A progress webhook (not just the "started" one) arrives while ffmpeg works.
    const progressHook = await webhookWhere(running.providerJobId, (b) => b.status === "running" && b.progress > 0);
    expect((await localProvider.verifyWebhook!(webhookRequest(progressHook.body, progressHook.headers), { job: null })).update.progress).toBeGreaterThan(0);
    expect((await localProvider.poll(running)).status).toBe("running");
    expect((await localProvider.poll(waiting)).status).toBe("queued");

    await localProvider.cancel!(waiting);
    expect(await localProvider.poll(waiting)).toMatchObject({ status: "canceled" });

    await localProvider.cancel!(running);
    expect(await localProvider.poll(running)).toMatchObject({ status: "canceled" });
    // Its scratch folder is gone and nothing reached storage.
    expect(fs.existsSync(path.join(dataDir, "renders", running.providerJobId))).toBe(false);
    expect(await storage().stat(keys.render(running.providerJobId))).toBeNull();
    await expect(localProvider.fetchOutput(running, { status: "canceled", raw: null }, AbortSignal.timeout(1000))).rejects.toBeInstanceOf(ProviderError);

    const canceledHook = await webhookFor(running.providerJobId, "canceled");
    expect((await localProvider.verifyWebhook!(webhookRequest(canceledHook.body, canceledHook.headers), { job: null })).update.status).toBe("canceled");
    await Promise.all([localProvider.release!(running), localProvider.release!(waiting)]);
  });

  it("stops a render canceled by another process at its next heartbeat", async () => {
    const submitted = await localProvider.submit(job({ resolution: "720p", durationSeconds: 10, fps: 30 }), noImage);
    const id = submitted.providerJobId;
    await webhookWhere(id, (b) => b.status === "running" && b.progress > 0);
    // What another worker's cancel writes when the render is not its own.
    expect(await updateLocalRender(await db(), id, { status: "canceled", progress: 0, etaSeconds: null, message: "The render was canceled.", errorCode: null }, Date.now())).toBe(true);
    await vi.waitFor(() => expect(ownsRender(id)).toBe(false), { timeout: 20_000, interval: 50 });
    expect((await webhookFor(id, "canceled")).body.toString()).toContain(id);
    expect(await localProvider.poll(submitted)).toMatchObject({ status: "canceled" });
    expect(fs.existsSync(path.join(dataDir, "renders", id))).toBe(false);
    expect(await storage().stat(keys.render(id))).toBeNull();
    await localProvider.release!(submitted);
  });

  it("reports a render whose process died as interrupted, a live one as running, and a missing one as failed", async () => {
    const d = await db();
    const stale = { status: "running", progress: 0.4, etaSeconds: 3, message: null, errorCode: null };
    const dead = "lr_AAAAAAAAAAAAAAAAAAAAAA";
    await insertLocalRender(d, dead, stale, Date.now() - 60_000);
    const update = await localProvider.poll({ providerJobId: dead, providerData: null });
    expect(update).toMatchObject({ status: "failed", errorCode: "internal" });
    expect(update.message).toMatch(/interrupted/);
    // Recorded, so every other worker gets the same answer.
    expect(await getLocalRender(d, dead)).toMatchObject({ status: "failed" });

    const live = "lr_CCCCCCCCCCCCCCCCCCCCCC";
    await insertLocalRender(d, live, stale, Date.now());
    expect((await localProvider.poll({ providerJobId: live, providerData: null })).status).toBe("running");

    const missing = await localProvider.poll({ providerJobId: "lr_BBBBBBBBBBBBBBBBBBBBBB", providerData: null });
    expect(missing).toMatchObject({ status: "failed", errorCode: "internal" });
    expect((await localProvider.poll({ providerJobId: "../../etc", providerData: null })).status).toBe("failed");
    await Promise.all([dead, live].map((providerJobId) => localProvider.release!({ providerJobId, providerData: null })));
  });
});
