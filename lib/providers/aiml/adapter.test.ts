import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAimlFake } from "../../../e2e/fakes/aiml";
import { bodyOf, looksLikeMp4, pollUntilDone, providerFailure, startImageServer, providerFakeHarness } from "../../../e2e/support/adapter-harness";
import { providerJobFor } from "../../../e2e/support/provider-job";
import { resetEnvCache } from "../../env";
import { SAFETY_MESSAGE } from "../kit/errors";
import type { ProviderJob, SubmitContext } from "../types";
import { aimlProvider as aiml } from "./adapter";
import { findAimlModel } from "./models";

const h = providerFakeHarness(() => startAimlFake({ timings: { queuedMs: 40, runningMs: 120 } }), "aiml");
let images: Awaited<ReturnType<typeof startImageServer>>;
const noImage: SubmitContext = { webhookUrl: null, image: null };
const png = { bytes: Buffer.from("not read by this adapter"), mime: "image/png" as const };

beforeAll(async () => {
  images = await startImageServer();
});
afterAll(async () => {
  await images.close();
});

const job = (overrides: Partial<ProviderJob> = {}) => providerJobFor(findAimlModel("aiml:video-gen.pro-1.0"), overrides);
const prompt = (marker = "") => `a lighthouse at dusk ${randomUUID()} ${marker}`.trim();
const submission = (uuid: string) => {
  const s = h.fake.submissions.find((x) => x.uuid === uuid);
  if (!s) throw new Error("the fake accepted no such task");
  return s;
};

async function finished(marker = "", overrides: Partial<ProviderJob> = {}) {
  const submitted = await aiml.submit(job({ prompt: prompt(marker), ...overrides }), noImage);
  return { submitted, final: await pollUntilDone(aiml, submitted) };
}

describe("AI.ML basics", () => {
  it("is configured by AIML_API_KEY and polled only", () => {
    expect(aiml.isConfigured()).toBe(true);
    expect(aiml.callbacks).toBe("none");
    expect(aiml.cancel).toBeUndefined();
    expect(aiml.configureHint).toBe("Add AIML_API_KEY to enable AI.ML models.");
    delete process.env.AIML_API_KEY;
    resetEnvCache();
    try {
      expect(aiml.isConfigured()).toBe(false);
    } finally {
      process.env.AIML_API_KEY = h.fake.key;
      resetEnvCache();
    }
  });

  it("offers camera-fixed as a typed option and takes images only by URL", () => {
    const model = findAimlModel("aiml:video-gen.pro-1.0");
    expect(model?.imageInput).toBe("url");
    expect(model?.options).toEqual([expect.objectContaining({ key: "camerafixed", kind: "boolean", default: false })]);
  });

  it("tests the connection with the key, and says when the key is wrong", async () => {
    await expect(aiml.testConnection?.()).resolves.toBeUndefined();
    process.env.AIML_API_KEY = "wrong";
    resetEnvCache();
    try {
      const err = await providerFailure(aiml.testConnection!());
      expect(err.message).toBe("AI.ML rejected the API key: check AIML_API_KEY.");
    } finally {
      process.env.AIML_API_KEY = h.fake.key;
      resetEnvCache();
    }
  });
});

describe("submit", () => {
  it("sends the prompt with inline --resolution/--duration/--camerafixed flags from the validated job", async () => {
    const j = job({ prompt: prompt(), resolution: "1080p", options: { camerafixed: true } });
    const submitted = await aiml.submit(j, noImage);
    expect(submitted.update.status).toBe("queued");
    const s = submission(submitted.providerJobId);
    expect(s.model).toBe("video-gen.pro-1.0");
    expect(s.flags).toEqual({ resolution: "1080p", duration: "5", camerafixed: "true" });
    expect(s.prompt).toBe(j.prompt);
    expect(s.image).toBeNull();
  });

  it("sends camerafixed false by default", async () => {
    const submitted = await aiml.submit(job({ prompt: prompt() }), noImage);
    expect(submission(submitted.providerJobId).flags.camerafixed).toBe("false");
  });

  it("defuses flags typed into the prompt so they cannot override the validated ones", async () => {
    const submitted = await aiml.submit(job({ prompt: `a storm --duration 12 --resolution 480p ${randomUUID()}` }), noImage);
    const s = submission(submitted.providerJobId);
    expect(s.flags).toMatchObject({ duration: "5", resolution: "720p" });
    expect(s.prompt).toContain("-duration 12 -resolution 480p");
  });

  it("sends the image as the signed URL after the text item, and the provider can fetch it", async () => {
    const before = images.hits();
    const submitted = await aiml.submit(job({ prompt: prompt() }), { webhookUrl: null, image: png, imageUrl: images.url });
    expect((await pollUntilDone(aiml, submitted)).status).toBe("succeeded");
    const s = submission(submitted.providerJobId);
    expect((s.body as { content: Array<{ type: string }> }).content.map((c) => c.type)).toEqual(["text", "image_url"]);
    expect(s.image).toMatchObject({ url: images.url, status: 200, contentType: "image/png" });
    expect(images.hits()).toBe(before + 1);
  });

  it("a task whose image link does not work ends failed with AI.ML's reason", async () => {
    const submitted = await aiml.submit(job({ prompt: prompt() }), { webhookUrl: null, image: png, imageUrl: `${images.origin}/signed/gone.png` });
    expect(await pollUntilDone(aiml, submitted)).toMatchObject({
      status: "failed",
      errorCode: "provider_error",
      message: "AI.ML could not make this video: The image at image_url could not be downloaded.",
    });
  });

  it("refuses image-to-video without PUBLIC_URL, before calling AI.ML", async () => {
    const attempts = h.fake.attempts.length;
    const err = await providerFailure(aiml.submit(job({ prompt: prompt() }), { webhookUrl: null, image: png, imageUrl: null }));
    expect(err.code).toBe("invalid_input");
    expect(err.message).toContain("needs PUBLIC_URL");
    expect(h.fake.attempts.length).toBe(attempts);
  });
});

describe("poll and the two-step download", () => {
  it("succeeds with the backend path, and resolves the download link only when the copy starts", async () => {
    const { submitted, final } = await finished();
    const uuid = submitted.providerJobId;
    expect(final.status).toBe("succeeded");
    expect(final.outputUrl).toBe(`${h.fake.origin}/v1/media/videos/${encodeURIComponent(`orgs/1/videos/${uuid}.mp4`)}`);
    expect(h.fake.resolves.filter((r) => r.uuid === uuid)).toHaveLength(0);

    const res = await aiml.fetchOutput(submitted, final, AbortSignal.timeout(10_000));
    expect(res.headers.get("content-type")).toBe("video/mp4");
    expect(looksLikeMp4(await bodyOf(res))).toBe(true);
    expect(h.fake.resolves.filter((r) => r.uuid === uuid)).toHaveLength(1);
    expect(h.fake.downloads(uuid)).toBe(1);
    // The presigned host never sees the key (the fake would answer 400 if it did).
    expect(h.fake.presignedGets.filter((g) => g.uuid === uuid)).toEqual([{ uuid, authorization: false, status: 200 }]);
  });

  it("asks for a fresh link once when the first one has already expired", async () => {
    const { submitted, final } = await finished("[fake:presign-expired]");
    const uuid = submitted.providerJobId;
    const res = await aiml.fetchOutput(submitted, final, AbortSignal.timeout(10_000));
    expect(looksLikeMp4(await bodyOf(res))).toBe(true);
    expect(h.fake.resolves.filter((r) => r.uuid === uuid)).toHaveLength(2);
    expect(h.fake.presignedGets.filter((g) => g.uuid === uuid).map((g) => g.status)).toEqual([403, 200]);
  });

  it("gives up with output_expired after one fresh link when the file itself is gone", async () => {
    const { submitted, final } = await finished("[fake:expired]");
    const err = await providerFailure(aiml.fetchOutput(submitted, final, AbortSignal.timeout(10_000)));
    expect(err.code).toBe("output_expired");
    expect(err.message).toContain("AI.ML");
    expect(h.fake.resolves.filter((r) => r.uuid === submitted.providerJobId)).toHaveLength(2);
  });

  it("calls an HTML page where the video should be a provider_error", async () => {
    const { submitted, final } = await finished("[fake:html]");
    const err = await providerFailure(aiml.fetchOutput(submitted, final, AbortSignal.timeout(10_000)));
    expect(err.code).toBe("provider_error");
    expect(err.message).toBe("AI.ML's file server sent a web page instead of the video. Try again.");
  });

  it("follows an absolute videoUrl on the API's own host", async () => {
    const { submitted, final } = await finished("[fake:absolute-url]");
    expect(final.outputUrl?.startsWith(`${h.fake.origin}/v1/media/videos/`)).toBe(true);
    expect(looksLikeMp4(await bodyOf(await aiml.fetchOutput(submitted, final, AbortSignal.timeout(10_000))))).toBe(true);
  });

  it("never sends the key to a backend URL on another host", async () => {
    const foreign = { status: "succeeded" as const, outputUrl: "http://localhost:1/v1/media/videos/x", raw: null };
    const err = await providerFailure(aiml.fetchOutput({ providerJobId: "x", providerData: null }, foreign, AbortSignal.timeout(5000)));
    expect(err.message).toContain("refusing to send the key there");
  });
});

describe("errors", () => {
  it("a 429 is rate_limited with its 1 s hint, then the same request goes through once", async () => {
    const p = prompt("[fake:ratelimit=1]");
    const err = await providerFailure(aiml.submit(job({ prompt: p }), noImage));
    expect(err.code).toBe("rate_limited");
    expect(err.retryable).toBe(true);
    expect(err.retryAfterSeconds).toBe(1);
    const submitted = await aiml.submit(job({ prompt: p }), noImage);
    expect(h.fake.submissions.filter((s) => s.prompt.startsWith(p.split(" [")[0]!))).toHaveLength(1);
    expect(submitted.providerJobId).toBeTruthy();
  });

  it("out of credit is quota_exhausted, not retried", async () => {
    const err = await providerFailure(aiml.submit(job({ prompt: prompt("[fake:quota]") }), noImage));
    expect(err.code).toBe("quota_exhausted");
    expect(err.retryable).toBe(false);
    expect(err.message).toBe("Your AI.ML account is out of credit. Add credit with AI.ML, then try again.");
  });

  it("a validation error is invalid_input with AI.ML's reason", async () => {
    const err = await providerFailure(aiml.submit(job({ prompt: prompt("[fake:invalid]") }), noImage));
    expect(err.code).toBe("invalid_input");
    expect(err.message).toBe("AI.ML refused the request to create a video: Unsupported --duration: duration must be between 2 and 12 seconds");
  });

  it("a task failed for safety ends content_policy with the one safety sentence", async () => {
    const { final } = await finished("[fake:safety]");
    expect(final).toMatchObject({ status: "failed", errorCode: "content_policy", message: SAFETY_MESSAGE });
  });

  it("a failed task ends provider_error naming AI.ML's reason", async () => {
    const { final } = await finished("[fake:fail]");
    expect(final).toMatchObject({
      status: "failed",
      errorCode: "provider_error",
      message: "AI.ML could not make this video: Video generation failed due to an internal error.",
    });
  });

  it("a task canceled by AI.ML ends canceled", async () => {
    const { final } = await finished("[fake:canceled]");
    expect(final.status).toBe("canceled");
  });

  it("a wrong key is a clear sentence naming the setting", async () => {
    process.env.AIML_API_KEY = "wrong";
    resetEnvCache();
    try {
      const err = await providerFailure(aiml.submit(job({ prompt: prompt() }), noImage));
      expect(err.message).toBe("AI.ML rejected the API key: check AIML_API_KEY.");
      expect(err.retryable).toBe(false);
    } finally {
      process.env.AIML_API_KEY = h.fake.key;
      resetEnvCache();
    }
  });
});
