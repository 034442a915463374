import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHttpFake, type HttpFake } from "../../../e2e/fakes/kit/http";
import { FAIL_TEXT, startModelslabFake, type ModelslabFake } from "../../../e2e/fakes/modelslab";
import { providerFailure } from "../../../e2e/support/adapter-harness";
import { providerJobFor } from "../../../e2e/support/provider-job";
import { resetEnvCache } from "../../env";
import { SAFETY_MESSAGE } from "../kit/errors";
import type { ProviderJob, ProviderJobRef, ProviderUpdate, SubmitContext } from "../types";
import { modelslabProvider as ml } from "./adapter";
import { findModelslabModel } from "./models";

let fake: ModelslabFake;
/** Stands in for our signed input-image link: the fake fetches init_image URLs. */
let images: HttpFake;
let imageUrl = "";
const savedEnv = { ...process.env };
const noImage: SubmitContext = { webhookUrl: null, image: null };
const image = { bytes: Buffer.from("89504e470d0a1a0a0000", "hex"), mime: "image/png" as const };

beforeAll(async () => {
  fake = await startModelslabFake({ timings: { queuedMs: 40, runningMs: 120 }, webhooks: false });
  images = await startHttpFake((req, res) => {
    if (req.url.pathname !== "/still.png") return void res.writeHead(404).end();
    res.writeHead(200, { "content-type": "image/png" }).end(image.bytes);
  });
  imageUrl = `${images.origin}/still.png`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "dailies-modelslab-"));
  Object.assign(process.env, fake.env, { DATA_DIR: dataDir, PROVIDER_TIMEOUT_SECONDS: "5" });
  resetEnvCache();
});

afterAll(async () => {
  await fake.close();
  await images.close();
  process.env = savedEnv;
  resetEnvCache();
});

const job = (model: string, overrides: Partial<ProviderJob> = {}) => providerJobFor(findModelslabModel(`modelslab:${model}`), overrides);
const marked = (marker: string) => ({ prompt: `a red kite over dunes ${randomUUID()} ${marker}` });
const bodyOf = (id: string) => fake.submissions.find((s) => String(s.id) === id)?.body;

async function untilDone(ref: ProviderJobRef): Promise<{ final: ProviderUpdate; seen: ProviderUpdate[] }> {
  const seen: ProviderUpdate[] = [];
  for (let i = 0; i < 500; i++) {
    const u = await ml.poll(ref);
    seen.push(u);
    if (u.status === "succeeded" || u.status === "failed") return { final: u, seen };
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error("the job never finished");
}

const refusal = providerFailure;

describe("ModelsLab basics", () => {
  it("is configured by MODELSLAB_API_KEY, says how to enable it, and caps jobs in flight at 5 by default", () => {
    expect(ml.isConfigured()).toBe(true);
    expect(ml.configureHint).toBe("Add MODELSLAB_API_KEY to enable ModelsLab models.");
    expect(ml.maxInFlight?.()).toBe(5);
    expect(ml.cancel).toBeUndefined();
    expect(ml.callbacks).toBe("public");
    delete process.env.MODELSLAB_API_KEY;
    process.env.MODELSLAB_MAX_IN_FLIGHT = "12";
    resetEnvCache();
    try {
      expect(ml.isConfigured()).toBe(false);
      expect(ml.maxInFlight?.()).toBe(12);
    } finally {
      process.env.MODELSLAB_API_KEY = fake.key;
      delete process.env.MODELSLAB_MAX_IN_FLIGHT;
      resetEnvCache();
    }
  });

  it("names every model modelslab:<ModelsLab's id>, all AI, with Veo's audio and prompt options", () => {
    for (const m of ml.models) {
      expect(m.id).toBe(`modelslab:${m.providerModel}`);
      expect(m.engine).toBe("ai");
      expect(m.durations).toContain(m.defaults.durationSeconds);
    }
    expect(findModelslabModel("modelslab:veo-3.1-fast")?.options).toEqual([
      expect.objectContaining({ key: "generate_audio", kind: "boolean", default: true }),
      expect.objectContaining({ key: "enhance_prompt", kind: "boolean", default: false }),
    ]);
  });
});

describe("v7 Video Fusion", () => {
  it("submits a Veo job with the key in the body, duration as a string and the options, then polls eta to a playable MP4", async () => {
    const j = job("veo-3.1-fast", { aspectRatio: "9:16", durationSeconds: 6, options: { generate_audio: false } });
    const submitted = await ml.submit(j, { webhookUrl: "https://studio.example/api/webhooks/modelslab?job=x&token=y", image: null });
    expect(submitted.providerData).toEqual({ api: "v7" });
    expect(submitted.update).toMatchObject({ status: "running", etaSeconds: expect.any(Number) });
    const sent = fake.submissions.find((s) => String(s.id) === submitted.providerJobId);
    expect(sent?.route).toBe("text-to-video");
    expect(sent?.body).toEqual({
      model_id: "veo-3.1-fast",
      prompt: j.prompt,
      duration: "6",
      aspect_ratio: "9:16",
      generate_audio: false,
      enhance_prompt: false,
      track_id: j.id,
      webhook: "https://studio.example/api/webhooks/modelslab?job=x&token=y",
    });

    const { final, seen } = await untilDone(submitted);
    expect(seen.filter((u) => u.status === "running").every((u) => typeof u.etaSeconds === "number" && u.etaSeconds > 0)).toBe(true);
    expect(final).toMatchObject({ status: "succeeded", outputUrl: `${fake.origin}/out/${submitted.providerJobId}.mp4` });
    const res = await ml.fetchOutput(submitted, final, AbortSignal.timeout(5000));
    expect(res.headers.get("content-type")).toBe("video/mp4");
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.subarray(4, 8).toString("latin1")).toBe("ftyp");
  });

  it("sends the image only as our signed URL (an array for multi-image Kling) and refuses clearly without PUBLIC_URL", async () => {
    const before = fake.attempts.length;
    const err = await refusal(ml.submit(job("wan2.6-i2v"), { webhookUrl: null, image }));
    expect(err.code).toBe("invalid_input");
    expect(err.message).toContain("PUBLIC_URL");
    expect(fake.attempts.length).toBe(before);

    const url = imageUrl;
    const wan = await ml.submit(job("wan2.6-i2v"), { webhookUrl: null, image, imageUrl: url });
    expect(bodyOf(wan.providerJobId)).toMatchObject({ init_image: url, resolution: "720p", duration: "5" });
    expect(bodyOf(wan.providerJobId)).not.toHaveProperty("aspect_ratio");
    const kling = await ml.submit(job("kling-v1-6", { aspectRatio: "1:1" }), { webhookUrl: null, image, imageUrl: url });
    expect(bodyOf(kling.providerJobId)).toMatchObject({ init_image: [url], aspect_ratio: "1:1" });
    expect((await untilDone(wan)).final.status).toBe("succeeded");
    const unreachable = await ml.submit(job("wan2.6-i2v"), { webhookUrl: null, image, imageUrl: `${images.origin}/gone.png` });
    expect((await untilDone(unreachable)).final).toMatchObject({ status: "failed", message: expect.stringContaining("init_image") });
    const wan25 = await ml.submit(job("wan2.5-t2v"), noImage);
    expect(bodyOf(wan25.providerJobId)).toMatchObject({ resolution: "720" });
  });

  it("handles a create that answers success with the output already there", async () => {
    const submitted = await ml.submit(job("veo-3.1", marked("[fake:instant]")), noImage);
    expect(submitted.update).toMatchObject({ status: "succeeded", outputUrl: `${fake.origin}/out/${submitted.providerJobId}.mp4` });
  });
});

describe("v6 Ultra (wan2.2, ltx-2.3)", () => {
  it("uses text2video_ultra with frames, fps, portrait and 480, and polls the v6 fetch", async () => {
    const j = job("wan2.2", { aspectRatio: "9:16", seed: 42, negativePrompt: "blur" });
    const submitted = await ml.submit(j, noImage);
    expect(submitted.providerData).toEqual({ api: "v6" });
    const sent = fake.submissions.find((s) => String(s.id) === submitted.providerJobId);
    expect(sent).toMatchObject({ api: "v6", route: "text2video_ultra" });
    expect(sent?.body).toEqual({
      model_id: "wan2.2",
      prompt: j.prompt,
      negative_prompt: "blur",
      track_id: j.id,
      num_frames: 81,
      fps: 16,
      portrait: true,
      resolution: 480,
      seed: 42,
    });
    expect((await untilDone(submitted)).final.status).toBe("succeeded");
  });

  it("sends the image inline (base64: true) without PUBLIC_URL, and by URL with it", async () => {
    const inline = await ml.submit(job("ltx-2.3"), { webhookUrl: null, image });
    expect(fake.submissions.find((s) => String(s.id) === inline.providerJobId)?.route).toBe("img2video_ultra");
    expect(bodyOf(inline.providerJobId)).toMatchObject({ init_image: `data:image/png;base64,${image.bytes.toString("base64")}`, base64: true, portrait: false });
    const byUrl = await ml.submit(job("ltx-2.3"), { webhookUrl: null, image, imageUrl });
    expect(bodyOf(byUrl.providerJobId)).toMatchObject({ init_image: imageUrl });
    expect((await untilDone(byUrl)).final.status).toBe("succeeded");
    expect(bodyOf(byUrl.providerJobId)).not.toHaveProperty("base64");
  });

  it("reads the legacy `messege` spelling as the failure reason", async () => {
    const submitted = await ml.submit(job("wan2.2", marked("[fake:fail]")), noImage);
    const { final } = await untilDone(submitted);
    expect(final).toMatchObject({ status: "failed", errorCode: "provider_error" });
    expect(final.message).toContain(FAIL_TEXT.replace(/\.$/, ""));
    expect((final.raw as Record<string, unknown>).messege).toBe(FAIL_TEXT);
  });
});

describe("errors", () => {
  it("a 429 with retry_after in the body is rate_limited with that hint; the next try is the one accepted", async () => {
    const j = job("veo-3.1-fast", marked("[fake:ratelimit=1]"));
    const err = await refusal(ml.submit(j, noImage));
    expect(err).toMatchObject({ code: "rate_limited", retryable: true, retryAfterSeconds: 1, httpStatus: 429 });
    const ok = await ml.submit(j, noImage);
    expect(fake.submissions.filter((s) => s.body.prompt === j.prompt).map((s) => String(s.id))).toEqual([ok.providerJobId]);
    expect(fake.attempts.filter((a) => a.body.prompt === j.prompt).map((a) => a.status)).toEqual([429, 200]);
  });

  it("out of credit (402, or 200 with status error) is quota_exhausted, not retried", async () => {
    for (const marker of ["[fake:quota]", "[fake:quota=200]"]) {
      const err = await refusal(ml.submit(job("veo-3.1-fast", marked(marker)), noImage));
      expect(err).toMatchObject({ code: "quota_exhausted", retryable: false });
      expect(err.message).toContain("out of credit");
    }
  });

  it("a safety refusal in free text is content_policy, at create or when the job fails later", async () => {
    const err = await refusal(ml.submit(job("veo-3.1-fast", marked("[fake:safety]")), noImage));
    expect(err).toMatchObject({ code: "content_policy", retryable: false, message: SAFETY_MESSAGE });
    const later = await ml.submit(job("veo-3.1-fast", marked("[fake:safety=late]")), noImage);
    expect((await untilDone(later)).final).toMatchObject({ status: "failed", errorCode: "content_policy", message: SAFETY_MESSAGE });
  });

  it("field errors (an object message) are invalid_input naming the reason", async () => {
    const err = await refusal(ml.submit(job("veo-3.1-fast", marked("[fake:invalid]")), noImage));
    expect(err).toMatchObject({ code: "invalid_input", retryable: false });
    expect(err.message).toMatch(/^ModelsLab refused the request to create a video: .*duration/);
    const real = await refusal(ml.submit(job("veo-3.1-fast", { durationSeconds: 5 }), noImage));
    expect(real.message).toContain("allowed: 4, 6, 8");
  });

  it("`failed` and `error` from fetch end the job with ModelsLab's reason", async () => {
    for (const marker of ["[fake:fail]", "[fake:fail=error]"]) {
      const submitted = await ml.submit(job("veo-3.1-fast", marked(marker)), noImage);
      const { final } = await untilDone(submitted);
      expect(final).toMatchObject({ status: "failed", errorCode: "provider_error" });
      expect(final.message).toBe(`ModelsLab could not make this video: ${FAIL_TEXT}`);
    }
  });

  it("a wrong key is a clear sentence; an unknown id at fetch is not retried", async () => {
    process.env.MODELSLAB_API_KEY = "wrong";
    resetEnvCache();
    try {
      const err = await refusal(ml.submit(job("veo-3.1-fast"), noImage));
      expect(err.message).toBe("ModelsLab rejected the API key: check MODELSLAB_API_KEY.");
      await expect(ml.testConnection!()).rejects.toThrow("MODELSLAB_API_KEY");
    } finally {
      process.env.MODELSLAB_API_KEY = fake.key;
      resetEnvCache();
    }
    const gone = await refusal(ml.poll({ providerJobId: "12", providerData: { api: "v7" } }));
    expect(gone).toMatchObject({ retryable: false, httpStatus: 404 });
    expect(gone.message).toContain("no longer knows this job");
  });

  it("an expired output is output_expired and an HTML page is provider_error", async () => {
    for (const [marker, code] of [["[fake:expired]", "output_expired"], ["[fake:html]", "provider_error"]] as const) {
      const submitted = await ml.submit(job("veo-3.1-fast", marked(marker)), noImage);
      const { final } = await untilDone(submitted);
      const err = await refusal(ml.fetchOutput(submitted, final, AbortSignal.timeout(5000)));
      expect(err.code).toBe(code);
    }
  });
});

describe("queue cap at the provider", () => {
  it("answers 429 with retry_after once the account has N unfinished requests", async () => {
    const small = await startModelslabFake({ queueCap: 1, timings: { queuedMs: 0, runningMs: 60_000 } });
    const saved = { ...process.env };
    Object.assign(process.env, small.env);
    resetEnvCache();
    try {
      await ml.submit(job("veo-3.1-fast"), noImage);
      const err = await refusal(ml.submit(job("veo-3.1-fast"), noImage));
      expect(err).toMatchObject({ code: "rate_limited", retryAfterSeconds: 30 });
      expect(err.message).toContain("rate-limiting");
      expect(small.submissions).toHaveLength(1);
      expect(small.maxConcurrent()).toBe(1);
    } finally {
      process.env = saved;
      resetEnvCache();
      await small.close();
    }
  });
});
