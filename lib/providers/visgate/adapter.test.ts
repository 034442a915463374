import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startVisgateFake } from "../../../e2e/fakes/visgate";
import { bodyOf, looksLikeMp4, pollUntilDone, providerFailure, startImageServer, providerFakeHarness } from "../../../e2e/support/adapter-harness";
import { providerJobFor } from "../../../e2e/support/provider-job";
import { resetEnvCache } from "../../env";
import { SAFETY_MESSAGE } from "../kit/errors";
import type { ProviderJob, SubmitContext } from "../types";
import { visgateProvider as visgate } from "./adapter";
import { findVisgateModel } from "./models";

const h = providerFakeHarness(() => startVisgateFake({ timings: { queuedMs: 40, runningMs: 120 } }), "visgate");
let images: Awaited<ReturnType<typeof startImageServer>>;
const noImage: SubmitContext = { webhookUrl: null, image: null };
const png = { bytes: Buffer.from("not read by this adapter"), mime: "image/png" as const };
const VEO = "visgate:fal-ai/veo3";

beforeAll(async () => {
  images = await startImageServer();
});
afterAll(async () => {
  await images.close();
});

const job = (overrides: Partial<ProviderJob> = {}, id = VEO) => providerJobFor(findVisgateModel(id), { prompt: prompt(), ...overrides });
const prompt = (marker = "") => `waves on a beach ${randomUUID()} ${marker}`.trim();
const submission = (requestId: string) => {
  const s = h.fake.submissions.find((x) => x.requestId === requestId);
  if (!s) throw new Error("the fake accepted no such request");
  return s;
};

async function finished(marker = "", overrides: Partial<ProviderJob> = {}) {
  const submitted = await visgate.submit(job({ prompt: prompt(marker), ...overrides }), noImage);
  return { submitted, final: await pollUntilDone(visgate, submitted) };
}

describe("Visgate basics", () => {
  it("is configured by VISGATE_API_KEY, polled only, with no cancel at the provider", () => {
    expect(visgate.isConfigured()).toBe(true);
    expect(visgate.callbacks).toBe("none");
    expect(visgate.cancel).toBeUndefined();
    expect(visgate.configureHint).toBe("Add VISGATE_API_KEY to enable Visgate models.");
  });

  it("tests the connection with an authenticated call", async () => {
    await expect(visgate.testConnection?.()).resolves.toBeUndefined();
    process.env.VISGATE_API_KEY = "vg-wrong";
    resetEnvCache();
    try {
      expect((await providerFailure(visgate.testConnection!())).message).toBe("Visgate rejected the API key: check VISGATE_API_KEY.");
    } finally {
      process.env.VISGATE_API_KEY = h.fake.key;
      resetEnvCache();
    }
  });
});

describe("submit", () => {
  it("asks for an async answer and sends the flat body with the model's extras", async () => {
    const j = job({ durationSeconds: 6, aspectRatio: "9:16", resolution: "1080p", seed: 7, negativePrompt: "blur" });
    const submitted = await visgate.submit(j, noImage);
    expect(submitted.update.status).toBe("queued");
    const s = submission(submitted.providerJobId);
    expect(s.prefer).toBe("respond-async");
    expect(s.body).toEqual({
      model: "fal-ai/veo3",
      prompt: j.prompt,
      duration_seconds: 6,
      aspect_ratio: "9:16",
      resolution: "1080p",
      seed: 7,
      negative_prompt: "blur",
      generate_audio: true,
    });
  });

  it("sends a typed option the person turned off", async () => {
    const submitted = await visgate.submit(job({ options: { generate_audio: false } }), noImage);
    expect(submission(submitted.providerJobId).body.generate_audio).toBe(false);
  });

  it("sends the image as the signed URL, which the gateway fetches", async () => {
    const submitted = await visgate.submit(job({}, "visgate:runway/gen4_turbo"), { webhookUrl: null, image: png, imageUrl: images.url });
    expect((await pollUntilDone(visgate, submitted)).status).toBe("succeeded");
    const s = submission(submitted.providerJobId);
    expect(s.body).toMatchObject({ model: "runway/gen4_turbo", image_url: images.url, duration_seconds: 5 });
    expect(s.body).not.toHaveProperty("aspect_ratio");
    expect(s.image).toMatchObject({ status: 200, contentType: "image/png" });
  });

  it("refuses image-to-video without PUBLIC_URL, before calling Visgate", async () => {
    const attempts = h.fake.attempts.length;
    const err = await providerFailure(visgate.submit(job(), { webhookUrl: null, image: png, imageUrl: null }));
    expect(err.code).toBe("invalid_input");
    expect(err.message).toContain("needs PUBLIC_URL");
    expect(h.fake.attempts.length).toBe(attempts);
  });
});

describe("poll, in both documented shapes", () => {
  it("SDK shape: completed with output_url, what served it and what it cost", async () => {
    const { submitted, final } = await finished("", { durationSeconds: 8 });
    expect(final).toMatchObject({
      status: "succeeded",
      outputUrl: `${h.fake.origin}/gcs/${submitted.providerJobId}.mp4`,
      cost: { usd: 3.2 },
      report: { servedBy: "fal", servedModel: "fal-ai/veo3", cacheHit: false, latencyMs: 160 },
    });
    const res = await visgate.fetchOutput(submitted, final, AbortSignal.timeout(10_000));
    expect(looksLikeMp4(await bodyOf(res))).toBe(true);
    expect(h.fake.downloads(submitted.providerJobId)).toBe(1);
  });

  it("API.md shape: accepted, then a result VideoResult on an object that names its id `id`", async () => {
    const { submitted, final } = await finished("[fake:shape=api]", { durationSeconds: 4 });
    expect(submission(submitted.providerJobId).shape).toBe("api");
    expect(submitted.update.status).toBe("queued");
    expect(final).toMatchObject({
      status: "succeeded",
      outputUrl: `${h.fake.origin}/gcs/${submitted.providerJobId}.mp4`,
      cost: { usd: 1.6 },
      report: { servedBy: "fal", servedModel: "fal-ai/veo3", cacheHit: false },
    });
  });

  it("a cache hit records the model that really served it, not the one asked for", async () => {
    const { final } = await finished("[fake:cache-hit]");
    expect(final).toMatchObject({
      status: "succeeded",
      cost: { usd: 0 },
      report: { servedBy: "fal", servedModel: "fal-ai/kling-video/v2.1/master/text-to-video", cacheHit: true, latencyMs: 42 },
    });
  });

  it("a failure in the API.md shape reads the error object", async () => {
    const { final } = await finished("[fake:fail] [fake:shape=api]");
    expect(final).toMatchObject({
      status: "failed",
      errorCode: "provider_error",
      message: "Visgate (through fal) could not make this video: Upstream provider failed: request timed out.",
    });
  });

  it("a failure in the SDK shape reads error_message", async () => {
    const { final } = await finished("[fake:fail]");
    expect(final).toMatchObject({
      status: "failed",
      errorCode: "provider_error",
      message: "Visgate (through fal) could not make this video: Upstream provider failed: request timed out.",
    });
  });

  it("an upstream safety refusal ends content_policy", async () => {
    const { final } = await finished("[fake:safety]");
    expect(final).toMatchObject({ status: "failed", errorCode: "content_policy", message: SAFETY_MESSAGE });
  });

  it("an expired output is output_expired; an HTML page is provider_error", async () => {
    const expired = await finished("[fake:expired]");
    expect((await providerFailure(visgate.fetchOutput(expired.submitted, expired.final, AbortSignal.timeout(5000)))).code).toBe("output_expired");
    const html = await finished("[fake:html]");
    const err = await providerFailure(visgate.fetchOutput(html.submitted, html.final, AbortSignal.timeout(5000)));
    expect(err.message).toBe("Visgate's file storage sent a web page instead of the video. Try again.");
  });
});

describe("create errors", () => {
  it("a 429 is rate_limited with Retry-After 1, then one accepted submission", async () => {
    const p = prompt("[fake:ratelimit=1]");
    const err = await providerFailure(visgate.submit(job({ prompt: p }), noImage));
    expect(err).toMatchObject({ code: "rate_limited", retryable: true, retryAfterSeconds: 1 });
    await visgate.submit(job({ prompt: p }), noImage);
    expect(h.fake.submissions.filter((s) => s.body.prompt === p)).toHaveLength(1);
    expect(h.fake.attempts.filter((a) => (a.body as { prompt?: string }).prompt === p)).toHaveLength(2);
  });

  it("out of credit is quota_exhausted", async () => {
    const err = await providerFailure(visgate.submit(job({ prompt: prompt("[fake:quota]") }), noImage));
    expect(err).toMatchObject({ code: "quota_exhausted", retryable: false });
    expect(err.message).toBe("Your Visgate account is out of credit. Add credit with Visgate, then try again.");
  });

  it("a 422 is invalid_input with Visgate's reason and field", async () => {
    const err = await providerFailure(visgate.submit(job({ prompt: prompt("[fake:invalid]") }), noImage));
    expect(err.code).toBe("invalid_input");
    expect(err.message).toBe("Visgate refused the request to create a video: duration_seconds 8 is not supported by fal-ai/veo3; use 4, 6 or 8");
  });

  it("a 502 PROVIDER_ERROR names the upstream and is retried", async () => {
    const err = await providerFailure(visgate.submit(job({ prompt: prompt("[fake:upstream-down]") }), noImage));
    expect(err).toMatchObject({ code: "provider_error", retryable: true });
    expect(err.message).toBe("Visgate's upstream provider (fal) failed: Upstream provider returned 503: service unavailable; Dailies will try again.");
  });

  it("a model Visgate does not know is invalid_input", async () => {
    const unknown = { ...findVisgateModel(VEO)!, id: "visgate:nobody/nothing", providerModel: "nobody/nothing" };
    const err = await providerFailure(visgate.submit(providerJobFor(unknown), noImage));
    expect(err).toMatchObject({ code: "invalid_input", retryable: false });
    expect(err.message).toBe("Visgate does not offer this model: Model not found: nobody/nothing");
  });
});

describe("discover", () => {
  it("lists Visgate's video models: built-in data for known ids, safe defaults for the rest, no image models", async () => {
    const specs = await visgate.discover!();
    expect(specs.map((s) => s.id)).toEqual([
      "visgate:fal-ai/veo3",
      "visgate:fal-ai/veo3/fast",
      "visgate:runway/gen4_turbo",
      "visgate:fal-ai/kling-video/v2.1/master/text-to-video",
    ]);
    expect(specs[0]).toBe(findVisgateModel(VEO));
    expect(specs[3]).toMatchObject({
      provider: "visgate",
      providerModel: "fal-ai/kling-video/v2.1/master/text-to-video",
      label: "Kling 2.1 Master",
      description: "Kling 2.1 Master on fal.",
      modes: ["text"],
      durations: [5],
      pricePerSecondUsd: 0.28,
      imageInput: "url",
      engine: "ai",
    });
  });

  it("follows the catalog when Visgate stops listing a model", async () => {
    const removed = h.fake.catalog.splice(h.fake.catalog.findIndex((m) => m.id === "fal-ai/veo3/fast"), 1);
    try {
      expect((await visgate.discover!()).map((s) => s.id)).not.toContain("visgate:fal-ai/veo3/fast");
    } finally {
      h.fake.catalog.push(...removed);
    }
  });
});
