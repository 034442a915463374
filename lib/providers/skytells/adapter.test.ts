/** The Skytells adapter against the loopback fake, over real HTTP: submit, errors, poll, output, cancel. */
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { GENERIC_FAILURE, startSkytellsFake } from "../../../e2e/fakes/skytells";
import { sampleVideo } from "../../../e2e/fixtures/sample-video";
import { ProviderError, SAFETY_MESSAGE } from "../kit/errors";
import { needsPublicUrlMessage } from "../kit/image";
import { skytellsProvider as provider } from "./adapter";
import { isTerminal, job, noWebhook, pollUntil, refOf, rejection, setEnv, skytellsHarness } from "../../../e2e/support/skytells-harness";

const h = skytellsHarness();
const image = { bytes: Buffer.alloc(64, 1), mime: "image/png" as const };
const attemptsFor = (prompt: string) => h.fake.attempts.filter((a) => (a.body.input as { prompt?: string } | undefined)?.prompt === prompt);

describe("submit", () => {
  it("posts the documented body to /v1/predictions with x-api-key and the object-form webhook", async () => {
    const j = job("truefusion-video-pro", { negativePrompt: "blurry", durationSeconds: 8, aspectRatio: "9:16", fps: 30 });
    const submitted = await provider.submit(j, { webhookUrl: `${h.receiver.url}/hook?job=${j.id}`, image: null });
    const sub = h.fake.submissions.at(-1);
    expect(sub?.path).toBe("/v1/predictions");
    expect(sub?.headers["x-api-key"]).toBe(h.fake.apiKey);
    expect(sub?.headers["content-type"]).toBe("application/json");
    expect(sub?.body).toEqual({
      model: "truefusion-video-pro",
      input: { prompt: j.prompt, duration_seconds: 8, aspect_ratio: "9:16", fps: 30, negative_prompt: "blurry" },
      await: false,
      webhook: { url: `${h.receiver.url}/hook?job=${j.id}`, events: ["completed", "failed", "canceled", "started"] },
    });
    expect(submitted).toMatchObject({ providerJobId: sub?.id, providerData: null, update: { status: "queued" } });
  });

  it("leaves the webhook out when Dailies polls", async () => {
    await provider.submit(job("mera"), noWebhook);
    expect(h.fake.submissions.at(-1)?.body).not.toHaveProperty("webhook");
  });

  it("sends the input image as our signed URL, which Skytells fetches; refuses clearly without PUBLIC_URL", async () => {
    const still = http.createServer((_req, res) => res.writeHead(200, { "content-type": "image/png" }).end(image.bytes));
    await new Promise<void>((resolve) => still.listen(0, "127.0.0.1", resolve));
    const imageUrl = `http://127.0.0.1:${(still.address() as AddressInfo).port}/api/inputs/j/1/sig`;
    try {
      const { providerJobId } = await provider.submit(job("truefusion-video"), { webhookUrl: null, image, imageUrl });
      expect((h.fake.submissions.at(-1)?.body.input as Record<string, unknown>).image).toBe(imageUrl);
      expect(h.fake.imageFetches.at(-1)).toEqual({ url: imageUrl, status: 200, contentType: "image/png" });
      expect((await pollUntil(refOf(providerJobId), isTerminal)).status).toBe("succeeded");
    } finally {
      still.close();
    }

    const lost = await provider.submit(job("truefusion-video"), { webhookUrl: null, image, imageUrl: `${h.receiver.url}/status/404` });
    expect(await pollUntil(refOf(lost.providerJobId), isTerminal)).toMatchObject({
      status: "failed",
      errorCode: "provider_error",
      message: "Skytells could not make this video: Could not download the input image (HTTP 404).",
    });

    const before = h.fake.attempts.length;
    const err = await rejection(provider.submit(job("truefusion-video"), { webhookUrl: null, image }));
    expect(err).toMatchObject({ code: "invalid_input", retryable: false, message: needsPublicUrlMessage("Skytells") });
    expect(h.fake.attempts.length).toBe(before);
  });

  it('accepts "HTTP 200 + status:false + id" as a queued job that then finishes', async () => {
    const { providerJobId, update } = await provider.submit(job("lumo", { prompt: "dunes [fake:statusfalse]" }), noWebhook);
    expect(update.status).toBe("queued");
    expect((await pollUntil(refOf(providerJobId), isTerminal)).status).toBe("succeeded");
  });

  it('reads "HTTP 200 + status:false" without an id as the error it carries', async () => {
    const err = await rejection(provider.submit(job("lumo", { prompt: "dunes [fake:statusfalse=noid]" }), noWebhook));
    expect(err).toMatchObject({ code: "invalid_input", retryable: false, httpStatus: 422 });
    expect((err as Error).message).toContain("duration_seconds is not supported");
  });

  it("turns the flat 429 into rate_limited with Retry-After, then one accepted submission", async () => {
    const j = job("truefusion-video-pro", { prompt: "rain on a tin roof [fake:ratelimit=1]" });
    expect(await rejection(provider.submit(j, noWebhook))).toMatchObject({ code: "rate_limited", retryable: true, retryAfterSeconds: 1, httpStatus: 429 });
    await provider.submit(j, noWebhook);
    expect(attemptsFor(j.prompt).map((a) => a.answeredStatus)).toEqual([429, 200]);
    expect(h.fake.submissions.filter((s) => (s.body.input as { prompt: string }).prompt === j.prompt)).toHaveLength(1);
  });

  it("maps error_ids: 402 credits → quota_exhausted, 451 → content_policy, validation → invalid_input with the reason", async () => {
    const quota = await rejection(provider.submit(job("mera", { prompt: "x [fake:quota]" }), noWebhook));
    expect(quota).toMatchObject({ code: "quota_exhausted", retryable: false, httpStatus: 402 });
    expect((quota as Error).message).toContain("out of credits");

    const safety = await rejection(provider.submit(job("mera", { prompt: "x [fake:safety]" }), noWebhook));
    expect(safety).toMatchObject({ code: "content_policy", retryable: false, httpStatus: 451, message: SAFETY_MESSAGE });

    const invalid = await rejection(provider.submit(job("mera", { prompt: "x [fake:invalid]" }), noWebhook));
    expect(invalid).toMatchObject({ code: "invalid_input", retryable: false, httpStatus: 422 });
    expect((invalid as Error).message).toBe("Skytells refused the request to create a video: Invalid input (duration_seconds must be between 3 and 10 for this model).");
  });

  it("passes on Skytells' own limit check and its unknown-model answer", async () => {
    const tooLong = await rejection(provider.submit(job("veo-3.1", { durationSeconds: 5 }), noWebhook));
    expect(tooLong).toMatchObject({ code: "invalid_input" });
    expect((tooLong as Error).message).toContain("duration_seconds must be one of 4, 6, 8");

    const gone = job("mera");
    const missing = await rejection(provider.submit({ ...gone, model: { ...gone.model, providerModel: "retired-model" } }, noWebhook));
    expect(missing).toMatchObject({ code: "provider_error", retryable: false, httpStatus: 404 });
    expect((missing as Error).message).toContain("Model retired-model not found");
  });

  it("names SKYTELLS_API_KEY when the key is refused", async () => {
    setEnv({ SKYTELLS_API_KEY: "sk-wrong" });
    const err = await rejection(provider.submit(job("mera"), noWebhook));
    expect(err).toMatchObject({ code: "provider_error", retryable: false, httpStatus: 401 });
    expect((err as Error).message).toContain("SKYTELLS_API_KEY");
    await expect(provider.testConnection!()).rejects.toMatchObject({ httpStatus: 401 });
  });

  it("is configured by its key alone, and tests the connection with it", async () => {
    expect(provider.isConfigured()).toBe(true);
    await expect(provider.testConnection!()).resolves.toBeUndefined();
    setEnv({ SKYTELLS_API_KEY: undefined });
    expect(provider.isConfigured()).toBe(false);
    expect(provider.configureHint).toBe("Add SKYTELLS_API_KEY to enable Skytells models.");
  });
});

describe("poll and fetchOutput", () => {
  it("reaches succeeded with the output, the credits used, and fetchOutput opens the real MP4", async () => {
    const { providerJobId } = await provider.submit(job("truefusion-video-pro", { durationSeconds: 6 }), noWebhook);
    const ref = refOf(providerJobId);
    const done = await pollUntil(ref, isTerminal);
    expect(done).toMatchObject({ status: "succeeded", outputUrl: `${h.fake.origin}/cdn/${providerJobId}.mp4`, cost: { credits: 60 } });

    const res = await provider.fetchOutput(ref, done, AbortSignal.timeout(10_000));
    expect(res.headers.get("content-type")).toBe("video/mp4");
    const body = Buffer.from(await res.arrayBuffer());
    expect(body.equals(fs.readFileSync(await sampleVideo()))).toBe(true);
    expect(h.fake.downloads(`/cdn/${providerJobId}.mp4`)).toBe(1);
  });

  it("drives progress from metrics.progress (0–100)", async () => {
    const { providerJobId } = await provider.submit(job("mera", { prompt: "fog [fake:slow]" }), noWebhook);
    const running = await pollUntil(refOf(providerJobId), (u) => u.status === "running");
    const raw = running.raw as { status: string; metrics: { progress: number } };
    expect(raw.status).toBe("processing");
    expect(running.progress).toBe(raw.metrics.progress / 100);
    await provider.cancel!(refOf(providerJobId));
  });

  it("finds the video whether output is a string, an array or only metadata.storage.files", async () => {
    for (const shape of ["string", "files"]) {
      const { providerJobId } = await provider.submit(job("lumo", { prompt: `x [fake:output=${shape}]` }), noWebhook);
      const done = await pollUntil(refOf(providerJobId), isTerminal);
      expect((done.raw as { output: unknown }).output).toEqual(shape === "string" ? done.outputUrl : null);
      expect(done.outputUrl).toBe(`${h.fake.origin}/cdn/${providerJobId}.mp4`);
    }
  });

  it("fails with Skytells' sentence, and a serving-time moderation failure as content_policy", async () => {
    const failed = await provider.submit(job("mera", { prompt: "x [fake:fail]" }), noWebhook);
    expect(await pollUntil(refOf(failed.providerJobId), isTerminal)).toMatchObject({
      status: "failed",
      errorCode: "provider_error",
      message: `Skytells could not make this video: ${GENERIC_FAILURE}.`,
    });
    const moderated = await provider.submit(job("mera", { prompt: "x [fake:safety=late]" }), noWebhook);
    expect(await pollUntil(refOf(moderated.providerJobId), isTerminal)).toMatchObject({ status: "failed", errorCode: "content_policy", message: SAFETY_MESSAGE });
  });

  it("gives up on an id Skytells answers 502 for as unknown", async () => {
    const err = await rejection(provider.poll(refOf("pred_nobody")));
    expect(err).toBeInstanceOf(ProviderError);
    expect(err).toMatchObject({ code: "provider_error", retryable: false, httpStatus: 502 });
    expect((err as Error).message).toContain("Skytells has no record of this job");
  });

  it("maps an expired link to output_expired and a web page to provider_error", async () => {
    const expired = await provider.submit(job("lumo", { prompt: "x [fake:expired]" }), noWebhook);
    const gone = await pollUntil(refOf(expired.providerJobId), isTerminal);
    const err = await rejection(provider.fetchOutput(refOf(expired.providerJobId), gone, AbortSignal.timeout(10_000)));
    expect(err).toMatchObject({ code: "output_expired", retryable: false, httpStatus: 404 });
    expect((err as Error).message).toContain("only a few minutes");

    const html = await provider.submit(job("lumo", { prompt: "x [fake:html]" }), noWebhook);
    const page = await pollUntil(refOf(html.providerJobId), isTerminal);
    expect(await rejection(provider.fetchOutput(refOf(html.providerJobId), page, AbortSignal.timeout(10_000)))).toMatchObject({ code: "provider_error", retryable: false });
  });

  it("does not even try once Skytells says the files are gone", async () => {
    const shortLived = await startSkytellsFake({ timings: { queuedMs: 10, runningMs: 40 }, outputTtlMs: 1 });
    try {
      setEnv(shortLived.env);
      const { providerJobId } = await provider.submit(job("lumo"), noWebhook);
      const done = await pollUntil(refOf(providerJobId), (u) => isTerminal(u) && (u.raw as { metadata: { data_available: boolean } }).metadata.data_available === false);
      expect(await rejection(provider.fetchOutput(refOf(providerJobId), done, AbortSignal.timeout(5000)))).toMatchObject({ code: "output_expired" });
      expect(shortLived.downloads()).toBe(0);
    } finally {
      await shortLived.close();
    }
  });
});

describe("cancel", () => {
  it("cancels at Skytells, whichever answer it gives", async () => {
    for (const prompt of ["x [fake:slow]", "x [fake:slow] [fake:cancel=prediction]"]) {
      const { providerJobId } = await provider.submit(job("mera", { prompt }), noWebhook);
      await provider.cancel!(refOf(providerJobId));
      expect(h.fake.cancelRequests).toContain(providerJobId);
      const done = await pollUntil(refOf(providerJobId), isTerminal);
      expect(done.status).toBe("canceled");
      expect((done.raw as { status: string }).status).toBe("cancelled");
    }
  });
});
