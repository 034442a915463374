/** The Replicate adapter against the loopback fake, over real HTTP: submit, poll, output, cancel. */
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { startReplicateFake } from "../../../e2e/fakes/replicate";
import { sampleVideo } from "../../../e2e/fixtures/sample-video";
import { ProviderError, SAFETY_MESSAGE } from "../kit/errors";
import type { ProviderUpdate } from "../types";
import { cancelAfterHeader, replicateProvider as provider } from "./adapter";
import { isTerminal, job, noWebhook, pollUntil, rejection, setEnv, replicateHarness } from "../../../e2e/support/replicate-harness";

const h = replicateHarness();

describe("submit", () => {
  it("posts to the model's predictions route with auth, Cancel-After, input and webhook", async () => {
    const j = job("replicate:google/veo-3.1-fast", { negativePrompt: "blurry", seed: 42, durationSeconds: 6, resolution: "720p", aspectRatio: "9:16", deadlineAt: Date.now() + 3_540_000 });
    const submitted = await provider.submit(j, { webhookUrl: `${h.receiver.url}/hook`, image: null });

    const sub = h.fake.submissions.at(-1);
    expect(sub?.model).toBe("google/veo-3.1-fast");
    expect(sub?.headers.authorization).toBe(`Bearer ${h.fake.token}`);
    expect(sub?.headers["cancel-after"]).toMatch(/^35[34]\ds$/);
    expect(sub?.headers["content-type"]).toBe("application/json");
    expect(sub?.input).toEqual({ prompt: j.prompt, negative_prompt: "blurry", seed: 42, aspect_ratio: "9:16", resolution: "720p", duration: 6 });
    expect(sub?.webhook).toBe(`${h.receiver.url}/hook`);
    expect(sub?.webhookEventsFilter).toEqual(["start", "completed"]);
    expect(submitted.providerJobId).toMatch(/^[a-z0-9]+$/);
    expect(submitted.providerData).toBeNull();
    expect(submitted.update.status).toBe("queued");
  });

  it("leaves the webhook out when we poll, and never asks for less than a minute", async () => {
    await provider.submit(job("replicate:google/veo-3.1", { deadlineAt: Date.now() - 5000 }), noWebhook);
    const sub = h.fake.submissions.at(-1);
    expect(sub?.webhook).toBeNull();
    expect(sub?.webhookEventsFilter).toBeNull();
    expect(sub?.headers["cancel-after"]).toBe("60s");
    expect(cancelAfterHeader(Date.now() + 3_540_000, Date.now())).toBe("3540s");
  });

  it("maps frame-counted durations and resolution tables", async () => {
    await provider.submit(job("replicate:wan-video/wan-2.2-t2v-fast", { seed: 7, prompt: "A lighthouse at dusk, slow dolly in" }), noWebhook);
    expect(h.fake.submissions.at(-1)?.input).toEqual({
      prompt: "A lighthouse at dusk, slow dolly in", seed: 7, aspect_ratio: "16:9", resolution: "720p", frames_per_second: 16, num_frames: 81,
    });
    await provider.submit(job("replicate:lightricks/ltx-video", { durationSeconds: 8, resolution: "768p" }), noWebhook);
    expect(h.fake.submissions.at(-1)?.input).toMatchObject({ length: 193, target_size: 768, aspect_ratio: "16:9" });
  });

  it("sends a small start image inline as a data URI", async () => {
    const bytes = Buffer.alloc(2048, 7);
    await provider.submit(job("replicate:google/veo-3.1-fast"), { webhookUrl: null, image: { bytes, mime: "image/png" } });
    expect(h.fake.submissions.at(-1)?.input.image).toBe(`data:image/png;base64,${bytes.toString("base64")}`);
  });

  it("uploads a start image over 1 MB through the Files API and passes its URL", async () => {
    const bytes = Buffer.alloc(1_200_000, 3);
    const before = h.fake.uploads.length;
    await provider.submit(job("replicate:kwaivgi/kling-v2.1", { resolution: "1080p" }), { webhookUrl: null, image: { bytes, mime: "image/jpeg" } });
    expect(h.fake.uploads.length).toBe(before + 1);
    const upload = h.fake.uploads.at(-1);
    expect(upload?.contentType).toBe("image/jpeg");
    expect(upload?.bytes.equals(bytes)).toBe(true);
    expect(h.fake.submissions.at(-1)?.input).toMatchObject({ start_image: upload?.url, mode: "pro", duration: 5 });
  });

  it("refuses an image-only model without an image before calling Replicate", async () => {
    const before = h.fake.submissions.length;
    const err = await rejection(provider.submit(job("replicate:kwaivgi/kling-v2.1"), noWebhook));
    expect(err).toBeInstanceOf(ProviderError);
    expect((err as ProviderError).code).toBe("invalid_input");
    expect(h.fake.submissions.length).toBe(before);
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
    setEnv({ REPLICATE_API_TOKEN: "r8_wrong" });
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
    expect(done.outputUrl).toBe(`${h.fake.origin}/files/${providerJobId}.mp4`);

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
    expect(done.outputUrl).toBe(`${h.fake.origin}/files/${providerJobId}.mp4`);
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
      setEnv({ REPLICATE_BASE_URL: shortLived.baseUrl, REPLICATE_API_TOKEN: shortLived.token });
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
    const update: ProviderUpdate = { status: "succeeded", outputUrl: `${h.receiver.url}/status/503`, raw: null };
    const err = await rejection(provider.fetchOutput({ providerJobId: "p", providerData: null }, update, AbortSignal.timeout(5000)));
    expect(err).toMatchObject({ code: "provider_error", retryable: true, httpStatus: 503 });
  });

  it("refuses an HTML page where the video should be (the kit's one mapping)", async () => {
    const { providerJobId } = await provider.submit(job("replicate:google/veo-3.1-fast", { prompt: "x [fake:html]" }), noWebhook);
    const ref = { providerJobId, providerData: null };
    const done = await pollUntil(ref, isTerminal);
    const err = await rejection(provider.fetchOutput(ref, done, AbortSignal.timeout(10_000)));
    expect(err).toMatchObject({ code: "provider_error", retryable: false, httpStatus: 200 });
    expect((err as Error).message).toMatch(/web page instead of the video/);
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
    expect(h.fake.predictions.get(providerJobId)?.cancelRequested).toBe(true);
  });

  it("marks a cancel we did not ask for as canceled_by_provider", async () => {
    const { providerJobId } = await provider.submit(job("replicate:google/veo-3.1-fast", { prompt: "x [fake:slow]" }), noWebhook);
    h.fake.cancelPrediction(providerJobId);
    const done = await pollUntil({ providerJobId, providerData: null }, isTerminal);
    expect(done).toMatchObject({ status: "canceled", errorCode: "canceled_by_provider" });
  });
});
