import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { setTimeout as pause } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFalFake, type FalFake } from "../../../e2e/fakes/fal";
import { sampleVideo } from "../../../e2e/fixtures/sample-video";
import { resetEnvCache } from "../../env";
import { clearJwksCache } from "../../webhooks/ed25519-jwks";
import { ProviderError, SAFETY_MESSAGE as CONTENT_POLICY_MESSAGE, WebhookVerificationError } from "../kit/errors";
import type { ProviderJob, ProviderJobRef, ProviderUpdate, SubmitContext } from "../types";
import { falProvider } from "./adapter";
import { findFalModel } from "./models";
import { providerJobFor } from "../../../e2e/support/provider-job";
import { startWebhookReceiver, type Delivery, type WebhookReceiver } from "../../../e2e/support/webhook-receiver";
import { webhookRequest } from "../../../e2e/support/webhook-request";

const KLING = "fal:fal-ai/kling-video/v2.1/master/text-to-video";
const VEO = "fal:fal-ai/veo3.1/fast";
const WAN = "fal:fal-ai/wan/v2.2-a14b/text-to-video";
const HAILUO = "fal:fal-ai/minimax/hailuo-02/standard/text-to-video";

let fake: FalFake;
let receiver: WebhookReceiver;
let dataDir: string;
const savedEnv = { ...process.env };

beforeAll(async () => {
  fake = await startFalFake({ timings: { queuedMs: 80, runningMs: 150 } });
  receiver = await startWebhookReceiver({ answer: 200 });
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "dailies-fal-"));
  Object.assign(process.env, fake.env, { DATA_DIR: dataDir, PROVIDER_TIMEOUT_SECONDS: "5" });
  resetEnvCache();
  clearJwksCache();
});

afterAll(async () => {
  await fake.close();
  await receiver.close();
  process.env = savedEnv;
  resetEnvCache();
  await fs.rm(dataDir, { recursive: true, force: true });
});

function makeJob(modelId: string, overrides: Partial<ProviderJob> = {}): ProviderJob {
  return providerJobFor(findFalModel(modelId), overrides);
}

const noImage: SubmitContext = { webhookUrl: null, image: null };

async function pollUntilDone(ref: ProviderJobRef, timeoutMs = 10_000): Promise<{ final: ProviderUpdate; seen: string[] }> {
  const seen: string[] = [];
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const update = await falProvider.poll(ref);
    seen.push(update.status);
    if (update.status === "succeeded" || update.status === "failed" || update.status === "canceled") return { final: update, seen };
    await pause(20);
  }
  throw new Error(`still ${seen.at(-1)} after ${timeoutMs} ms`);
}

function submissionFor(requestId: string) {
  const s = fake.submissions.find((x) => x.requestId === requestId);
  if (!s) throw new Error("the fake saw no such submission");
  return s;
}

describe("falProvider basics", () => {
  it("is configured only with FAL_KEY", () => {
    expect(falProvider.isConfigured()).toBe(true);
    delete process.env.FAL_KEY;
    resetEnvCache();
    try {
      expect(falProvider.isConfigured()).toBe(false);
      expect(falProvider.configureHint).toContain("FAL_KEY");
    } finally {
      process.env.FAL_KEY = fake.key;
      resetEnvCache();
    }
  });
});

describe("submit", () => {
  it("posts the model input to the endpoint with auth, priority, TTL and webhook", async () => {
    const job = makeJob(KLING, { negativePrompt: "blur", durationSeconds: 10, aspectRatio: "9:16" });
    const webhookUrl = `${receiver.url}/api/webhooks/fal?job=${job.id}&x=1`;
    const submitted = await falProvider.submit(job, { webhookUrl, image: null });

    expect(submitted.update.status).toBe("queued");
    const s = submissionFor(submitted.providerJobId);
    expect(s.endpoint).toBe("fal-ai/kling-video/v2.1/master/text-to-video");
    expect(s.webhookUrl).toBe(webhookUrl);
    expect(s.headers.authorization).toBe(`Key ${fake.key}`);
    expect(s.headers["x-fal-queue-priority"]).toBe("normal");
    expect(JSON.parse(s.headers["x-fal-object-lifecycle-preference"] ?? "null")).toEqual({ expiration_duration_seconds: 86400 });
    expect(s.input).toEqual({ prompt: job.prompt, duration: "10", aspect_ratio: "9:16", negative_prompt: "blur" });
    expect(submitted.providerData).toMatchObject({
      endpoint: "fal-ai/kling-video/v2.1/master/text-to-video",
      statusUrl: `${fake.queueUrl}/fal-ai/kling-video/requests/${submitted.providerJobId}/status`,
      responseUrl: `${fake.queueUrl}/fal-ai/kling-video/requests/${submitted.providerJobId}`,
      cancelUrl: `${fake.queueUrl}/fal-ai/kling-video/requests/${submitted.providerJobId}/cancel`,
    });
  });

  it("speaks each model's dialect: '8s' strings, frame counts, upper-case resolutions", async () => {
    const veo = await falProvider.submit(makeJob(VEO, { seed: 7 }), noImage);
    expect(submissionFor(veo.providerJobId).input).toMatchObject({ duration: "8s", resolution: "720p", aspect_ratio: "16:9", seed: 7 });
    expect(submissionFor(veo.providerJobId).webhookUrl).toBeNull();

    const wan = await falProvider.submit(makeJob(WAN), noImage);
    expect(submissionFor(wan.providerJobId).input).toMatchObject({ num_frames: 81, frames_per_second: 16, resolution: "720p" });
    expect(submissionFor(wan.providerJobId).input).not.toHaveProperty("duration");

    const image = { bytes: Buffer.alloc(2048, 7), mime: "image/png" as const };
    const hailuo = await falProvider.submit(makeJob(HAILUO), { webhookUrl: null, image });
    const s = submissionFor(hailuo.providerJobId);
    expect(s.endpoint).toBe("fal-ai/minimax/hailuo-02/standard/image-to-video");
    expect(s.input).toMatchObject({ duration: "6", resolution: "768P" });
    expect(s.input.image_url).toBe(`data:image/png;base64,${image.bytes.toString("base64")}`);
    expect(s.input).not.toHaveProperty("aspect_ratio");
  });

  it("uploads images over 1 MB to fal's CDN and passes the file URL", async () => {
    const job = makeJob(KLING);
    const bytes = Buffer.alloc(1024 * 1024 + 512 * 1024, 3);
    const submitted = await falProvider.submit(job, { webhookUrl: null, image: { bytes, mime: "image/jpeg" } });

    const upload = fake.uploads.find((u) => u.fileName === `${job.id}.jpg`);
    expect(upload).toMatchObject({ contentType: "image/jpeg", size: bytes.length });
    const s = submissionFor(submitted.providerJobId);
    expect(s.endpoint).toBe("fal-ai/kling-video/v2.1/master/image-to-video");
    expect(s.input.image_url).toBe(upload?.fileUrl);
    expect(s.input).not.toHaveProperty("aspect_ratio");
  });

  it("reports a 429 as rate_limited with Retry-After, then goes through", async () => {
    const job = makeJob(KLING, { prompt: `busy ${randomUUID()} [fake:429]` });
    const first = falProvider.submit(job, noImage);
    await expect(first).rejects.toBeInstanceOf(ProviderError);
    await expect(first).rejects.toMatchObject({ code: "rate_limited", retryable: true, retryAfterSeconds: 1, httpStatus: 429 });
    const second = await falProvider.submit(job, noImage);
    expect(second.providerJobId).toBeTruthy();
  });

  it("reports a 422 detail list as invalid_input naming the field", async () => {
    const p = falProvider.submit(makeJob(KLING, { prompt: "bad [fake:invalid]" }), noImage);
    await expect(p).rejects.toMatchObject({ code: "invalid_input", retryable: false, httpStatus: 422 });
    await expect(p).rejects.toThrow(/duration: Input should be '5' or '10'/);
  });

  it("reports an exhausted balance as quota_exhausted", async () => {
    const p = falProvider.submit(makeJob(KLING, { prompt: "broke [fake:quota]" }), noImage);
    await expect(p).rejects.toMatchObject({ code: "quota_exhausted", retryable: false });
  });

  it("refuses values the model does not offer before calling fal", async () => {
    const before = fake.submissions.length;
    await expect(falProvider.submit(makeJob(KLING, { durationSeconds: 7 }), noImage)).rejects.toMatchObject({ code: "invalid_input" });
    expect(fake.submissions.length).toBe(before);
  });
});

describe("poll and fetchOutput", () => {
  it("moves to succeeded and streams the real MP4", async () => {
    const submitted = await falProvider.submit(makeJob(KLING), noImage);
    const { final } = await pollUntilDone(submitted);
    expect(final.status).toBe("succeeded");
    expect(final.outputUrl).toBe(`${fake.origin}/media/${submitted.providerJobId}.mp4`);

    const res = await falProvider.fetchOutput(submitted, final, AbortSignal.timeout(10_000));
    expect(res.headers.get("content-type")).toBe("video/mp4");
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.equals(await fs.readFile(await sampleVideo()))).toBe(true);
  });

  it("reports running with progress read from the logs", async () => {
    const submitted = await falProvider.submit(makeJob(KLING, { prompt: "long take [fake:slow]" }), noImage);
    const until = Date.now() + 10_000;
    let update = await falProvider.poll(submitted);
    while (update.status !== "running" && Date.now() < until) {
      await pause(20);
      update = await falProvider.poll(submitted);
    }
    expect(update).toMatchObject({ status: "running", progress: 0.42 });
    await falProvider.cancel?.(submitted);
  });

  it("classifies a safety refusal as content_policy with an actionable sentence", async () => {
    const submitted = await falProvider.submit(makeJob(KLING, { prompt: "something [fake:safety]" }), noImage);
    const { final } = await pollUntilDone(submitted);
    expect(final).toMatchObject({ status: "failed", errorCode: "content_policy", message: CONTENT_POLICY_MESSAGE });
  });

  it("classifies a request_timeout failure as timeout", async () => {
    const submitted = await falProvider.submit(makeJob(KLING, { prompt: "stuck [fake:fail]" }), noImage);
    const { final } = await pollUntilDone(submitted);
    expect(final).toMatchObject({ status: "failed", errorCode: "timeout" });
  });

  it("reports a vanished output as output_expired, not retryable", async () => {
    const submitted = await falProvider.submit(makeJob(KLING, { prompt: "gone [fake:expired]" }), noImage);
    const { final } = await pollUntilDone(submitted);
    expect(final.status).toBe("succeeded");
    await expect(falProvider.fetchOutput(submitted, final, AbortSignal.timeout(10_000))).rejects.toMatchObject({
      code: "output_expired",
      retryable: false,
    });
  });

  it("refuses a web page served in place of the video", async () => {
    const submitted = await falProvider.submit(makeJob(KLING, { prompt: "login wall [fake:html]" }), noImage);
    const { final } = await pollUntilDone(submitted);
    await expect(falProvider.fetchOutput(submitted, final, AbortSignal.timeout(10_000))).rejects.toMatchObject({
      code: "provider_error",
      retryable: false,
    });
  });

  it("does not follow queue URLs on a foreign origin", async () => {
    const submitted = await falProvider.submit(makeJob(KLING, { prompt: "elsewhere [fake:foreign]" }), noImage);
    expect(String(submitted.providerData?.statusUrl)).toMatch(new RegExp(`^${fake.queueUrl}/fal-ai/kling-video/requests/`));
    const { final } = await pollUntilDone(submitted);
    expect(final.status).toBe("succeeded");
    expect(fake.requests.filter((r) => r.host.startsWith("localhost"))).toEqual([]);

    // Stored data pointing somewhere else (tampered row, old config) is not followed either.
    const stolen = `${receiver.url}/steal`;
    const forged: ProviderJobRef = {
      providerJobId: submitted.providerJobId,
      providerData: { endpoint: "fal-ai/kling-video/v2.1/master/text-to-video", statusUrl: stolen, responseUrl: stolen, cancelUrl: stolen },
    };
    expect((await falProvider.poll(forged)).status).toBe("succeeded");
    expect(receiver.deliveries.filter((c) => c.path.startsWith("/steal"))).toEqual([]);
  });
});

describe("cancel", () => {
  it("sends PUT to the cancel URL under owner/app, and is quiet once the job is done", async () => {
    const submitted = await falProvider.submit(makeJob(KLING, { prompt: "never mind [fake:slow]" }), noImage);
    await falProvider.cancel?.(submitted);
    expect(fake.requests).toContainEqual(
      expect.objectContaining({ method: "PUT", path: `/queue/fal-ai/kling-video/requests/${submitted.providerJobId}/cancel` }),
    );
    await expect(falProvider.cancel?.(submitted)).resolves.toBeUndefined();
  });
});

describe("verifyWebhook", () => {
  const verify = (c: Delivery) => falProvider.verifyWebhook!(webhookRequest(c.body, c.headers), { job: null });
  const byRequest = (id: string) => (c: Delivery) => c.headers.get("x-fal-webhook-request-id") === id;

  it("accepts a real delivery and reads the output URL", async () => {
    const job = makeJob(KLING);
    const submitted = await falProvider.submit(job, { webhookUrl: `${receiver.url}/hook/${job.id}`, image: null });
    const delivery = await receiver.waitFor(byRequest(submitted.providerJobId));
    expect(delivery.path).toBe(`/hook/${job.id}`);

    const event = await verify(delivery);
    expect(event).toMatchObject({ eventId: submitted.providerJobId, providerJobId: submitted.providerJobId });
    expect(event.update).toMatchObject({ status: "succeeded", outputUrl: `${fake.origin}/media/${submitted.providerJobId}.mp4` });
  });

  it("maps an ERROR delivery to a classified failure", async () => {
    const job = makeJob(KLING, { prompt: "refused [fake:safety]" });
    const submitted = await falProvider.submit(job, { webhookUrl: `${receiver.url}/hook/${job.id}`, image: null });
    const event = await verify(await receiver.waitFor(byRequest(submitted.providerJobId)));
    expect(event.update).toMatchObject({ status: "failed", errorCode: "content_policy", message: CONTENT_POLICY_MESSAGE });
  });

  it.each(["tampered", "stale", "wrong-key", "garbage-signature"] as const)("rejects a %s delivery", async (variant) => {
    const requestId = randomUUID();
    expect(await fake.sendWebhook(`${receiver.url}/bad/${variant}`, { requestId, variant })).toBe(200);
    const delivery = await receiver.waitFor(byRequest(requestId));
    await expect(verify(delivery)).rejects.toBeInstanceOf(WebhookVerificationError);
  });

  it("rejects a delivery without signature headers", async () => {
    const headers = new Headers({ "content-type": "application/json" });
    await expect(falProvider.verifyWebhook!(webhookRequest(Buffer.from("{}"), headers), { job: null })).rejects.toBeInstanceOf(WebhookVerificationError);
  });
});
