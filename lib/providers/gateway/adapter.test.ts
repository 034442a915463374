import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { setTimeout as pause } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startGatewayFake, type GatewayFake } from "../../../e2e/fakes/gateway";
import { sampleVideo } from "../../../e2e/fixtures/sample-video";
import { providerFailure, setEnv } from "../../../e2e/support/adapter-harness";
import { providerJobFor } from "../../../e2e/support/provider-job";
import { resetEnvCache } from "../../env";
import { ProviderError, SAFETY_MESSAGE } from "../kit/errors";
import { needsPublicUrlMessage } from "../kit/image";
import type { ModelSpec, ProviderJob, ProviderJobRef, ProviderUpdate, SubmitContext } from "../types";
import { gatewayProvider } from "./adapter";
import { MIRROR_EXPIRED_MESSAGE, MIRROR_LOST_MESSAGE, TIMEOUT_MESSAGE } from "./job-update";

let fake: GatewayFake;
let dataDir: string;
let models: ModelSpec[];
const savedEnv = { ...process.env };
const noImage: SubmitContext = { webhookUrl: null, image: null };
const image = { bytes: Buffer.from("fake png bytes"), mime: "image/png" as const };

async function withEnv<T>(vars: Record<string, string | undefined>, fn: () => Promise<T>): Promise<T> {
  const before = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  setEnv(vars);
  try {
    return await fn();
  } finally {
    setEnv(before);
  }
}

beforeAll(async () => {
  fake = await startGatewayFake({ timings: { queuedMs: 60, runningMs: 240 } });
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "dailies-gateway-"));
  setEnv({ ...fake.env, DATA_DIR: dataDir, PROVIDER_TIMEOUT_SECONDS: "5" });
  models = await gatewayProvider.discover!();
});

afterAll(async () => {
  await fake.close();
  process.env = savedEnv;
  resetEnvCache();
  await fs.rm(dataDir, { recursive: true, force: true });
});

const model = (id: string) => models.find((m) => m.id === `gateway:${id}`);
const makeJob = (id: string, o: Partial<ProviderJob> = {}) => providerJobFor(model(id), o);
const withMarker = (marker: string) => `a heron lifts off the river ${marker} ${Math.random()}`;

async function pollUntilDone(ref: ProviderJobRef, timeoutMs = 10_000): Promise<{ final: ProviderUpdate; all: ProviderUpdate[] }> {
  const all: ProviderUpdate[] = [];
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const update = await gatewayProvider.poll(ref);
    all.push(update);
    if (update.status === "succeeded" || update.status === "failed" || update.status === "canceled") return { final: update, all };
    await pause(25);
  }
  throw new Error(`still ${all.at(-1)?.status} after ${timeoutMs} ms`);
}

async function runToEnd(job: ProviderJob, ctx: SubmitContext = noImage) {
  const submitted = await gatewayProvider.submit(job, ctx);
  return { submitted, ...(await pollUntilDone(submitted)) };
}

const submissionOf = (jobId: string) => fake.submissions.find((s) => s.jobId === jobId)!.body;

describe("configuration", () => {
  it("needs both the key and the base URL; the hint names both", async () => {
    expect(gatewayProvider.isConfigured()).toBe(true);
    await withEnv({ GATEWAY_BASE_URL: undefined }, async () => expect(gatewayProvider.isConfigured()).toBe(false));
    await withEnv({ GATEWAY_API_KEY: undefined }, async () => {
      expect(gatewayProvider.isConfigured()).toBe(false);
      const asked = fake.requests.length;
      expect(await gatewayProvider.discover!()).toEqual([]);
      expect(fake.requests.length).toBe(asked);
    });
    expect(gatewayProvider.configureHint).toBe("Add GATEWAY_API_KEY and GATEWAY_BASE_URL to enable Video gateway (allowedParams) models.");
    expect(gatewayProvider.models).toEqual([]);
  });

  it("tests the connection with the models call and says what to check when the key is refused", async () => {
    await gatewayProvider.testConnection!();
    await withEnv({ GATEWAY_API_KEY: "wrong" }, async () => {
      const err = await providerFailure(gatewayProvider.testConnection!());
      expect(err.message).toBe(
        'The video gateway rejected the API key (sent as "Authorization: Bearer …"): check GATEWAY_API_KEY, GATEWAY_AUTH_HEADER and GATEWAY_AUTH_SCHEME.',
      );
      // A failed list is an error (so the last good copy is kept), not an empty catalog.
      await expect(gatewayProvider.discover!()).rejects.toBeInstanceOf(ProviderError);
    });
  });
});

describe("discover", () => {
  it("asks for video models with the key and maps allowedParams into the specs", () => {
    expect(fake.requests.find((r) => r.path.startsWith("/v1/models"))).toEqual({ method: "GET", path: "/v1/models?modality=video", auth: `Bearer ${fake.key}` });
    expect(models.map((m) => m.id)).toEqual(["gateway:veo-3-1", "gateway:veo-3-1-fast", "gateway:sora-2", "gateway:wan-2-1", "gateway:grok-video"]);
    // The case: the gateway lists [4, 6] for a model → exactly 4 and 6.
    expect(model("wan-2-1")).toMatchObject({ durations: [4, 6], aspectRatios: ["16:9", "9:16", "1:1"], resolutions: ["480p", "720p"], negativePrompt: true });
    expect(model("veo-3-1-fast")!.durations).toEqual([4]);
    expect(model("sora-2")).toMatchObject({ durations: [4, 8, 12, 16, 20], seed: true, label: "Sora 2" });
    expect(model("grok-video")!.options).toEqual([{ key: "generate_audio", label: "Generate audio", kind: "boolean", default: false }]);
  });
});

describe("a job from submit to a stored video", () => {
  it("sends the guide's fields, polls progress 0–100 to result.url, reports the served model and credits, and opens a real MP4", async () => {
    const job = makeJob("veo-3-1", { durationSeconds: 6, aspectRatio: "9:16", resolution: "1080p", negativePrompt: "blur", seed: 3 });
    const { submitted, final, all } = await runToEnd(job);
    expect(submitted.update.status).toBe("queued");
    // veo-3-1 lists neither negative_prompt nor seed, so neither is sent.
    expect(submissionOf(submitted.providerJobId)).toEqual({
      model: "veo-3-1",
      prompt: job.prompt,
      resolution: "1080p",
      aspect_ratio: "9:16",
      duration_seconds: 6,
    });
    const progress = all.flatMap((u) => (u.progress === undefined ? [] : [u.progress]));
    expect(progress.every((p) => p >= 0 && p <= 1)).toBe(true);
    expect(final).toMatchObject({ status: "succeeded", progress: 1, report: { servedModel: "veo-3-1" }, cost: { credits: 80 } });
    expect(final.outputUrl).toMatch(new RegExp(`^${fake.origin}/gcs/dailies-mirror/${submitted.providerJobId}\\.mp4\\?sig=`));

    const res = await gatewayProvider.fetchOutput(submitted, final, AbortSignal.timeout(10_000));
    expect(res.headers.get("content-type")).toBe("video/mp4");
    expect(Buffer.from(await res.arrayBuffer()).equals(await fs.readFile(await sampleVideo()))).toBe(true);
    expect(fake.downloads(submitted.providerJobId)).toBe(1);
  });

  it("sends negative prompt, seed and typed options only where the model lists them, in their listed types", async () => {
    const wan = await gatewayProvider.submit(makeJob("wan-2-1", { negativePrompt: "blur", seed: 9 }), noImage);
    expect(submissionOf(wan.providerJobId)).toMatchObject({ negative_prompt: "blur" });
    expect(submissionOf(wan.providerJobId)).not.toHaveProperty("seed");
    const sora = await gatewayProvider.submit(makeJob("sora-2", { seed: 9 }), noImage);
    expect(submissionOf(sora.providerJobId)).toMatchObject({ seed: 9 });
    const grok = await gatewayProvider.submit(makeJob("grok-video"), noImage);
    expect(submissionOf(grok.providerJobId)).toMatchObject({ generate_audio: false });
    const loud = await gatewayProvider.submit(makeJob("grok-video", { options: { generate_audio: true } }), noImage);
    expect(submissionOf(loud.providerJobId)).toMatchObject({ generate_audio: true });
  });

  it("passes the input image as image_url, refuses without PUBLIC_URL, and inlines base64 when configured", async () => {
    const url = "https://studio.example/i/signed?sig=abc";
    const byUrl = await gatewayProvider.submit(makeJob("veo-3-1"), { webhookUrl: null, image, imageUrl: url });
    expect(submissionOf(byUrl.providerJobId)).toMatchObject({ image_url: url });

    const attempts = fake.attempts.length;
    const err = await providerFailure(gatewayProvider.submit(makeJob("veo-3-1"), { webhookUrl: null, image, imageUrl: null }));
    expect(err.code).toBe("invalid_input");
    expect(err.message).toBe(needsPublicUrlMessage("The video gateway"));
    expect(fake.attempts.length).toBe(attempts);

    await withEnv({ GATEWAY_IMAGE_INPUT: "base64" }, async () => {
      const inline = await gatewayProvider.submit(makeJob("veo-3-1"), { webhookUrl: null, image, imageUrl: null });
      expect(submissionOf(inline.providerJobId)).toMatchObject({ image_base64: image.bytes.toString("base64") });
      expect(submissionOf(inline.providerJobId)).not.toHaveProperty("image_url");
    });
  });

  it("reports the model a fallback chain used instead", async () => {
    const { final } = await runToEnd(makeJob("veo-3-1", { prompt: withMarker("[fake:fallback]") }));
    expect(final.report).toEqual({ servedModel: "veo-3-1-fast" });
  });

  it("cancels in Dailies only when no cancel path is configured", async () => {
    const submitted = await gatewayProvider.submit(makeJob("veo-3-1"), noImage);
    const asked = fake.requests.length;
    await gatewayProvider.cancel!(submitted);
    expect(fake.requests.length).toBe(asked);
  });
});

describe("errors at submit", () => {
  it("429 → rate_limited with the 1 s hint, then exactly one accepted submission", async () => {
    const job = makeJob("veo-3-1-fast", { prompt: withMarker("[fake:ratelimit=1]") });
    const err = await providerFailure(gatewayProvider.submit(job, noImage));
    expect(err).toMatchObject({ code: "rate_limited", retryable: true, retryAfterSeconds: 1 });
    expect(err.message).toMatch(/rate-limiting .* try again in 1 s/);
    const ok = await gatewayProvider.submit(job, noImage);
    expect(fake.submissions.filter((s) => s.body.prompt === job.prompt).map((s) => s.jobId)).toEqual([ok.providerJobId]);
    expect(fake.attempts.filter((a) => a.body.prompt === job.prompt).map((a) => a.status)).toEqual([429, 200]);
  });

  it("out of credits → quota_exhausted; 400 safety → content_policy, never retried", async () => {
    const quota = await providerFailure(gatewayProvider.submit(makeJob("veo-3-1", { prompt: withMarker("[fake:quota]") }), noImage));
    expect(quota).toMatchObject({ code: "quota_exhausted", retryable: false });
    expect(quota.message).toContain("out of credits");
    const safety = await providerFailure(gatewayProvider.submit(makeJob("veo-3-1", { prompt: withMarker("[fake:safety]") }), noImage));
    expect(safety).toMatchObject({ code: "content_policy", retryable: false, message: SAFETY_MESSAGE });
  });

  it("invalid input → invalid_input with the gateway's reason, including its own allowedParams check", async () => {
    const marked = await providerFailure(gatewayProvider.submit(makeJob("veo-3-1", { prompt: withMarker("[fake:invalid]") }), noImage));
    expect(marked).toMatchObject({ code: "invalid_input", retryable: false });
    expect(marked.message).toMatch(/^The video gateway refused the request to create a video: duration_seconds/);
    const tampered = await providerFailure(gatewayProvider.submit(makeJob("wan-2-1", { durationSeconds: 8 }), noImage));
    expect(tampered.message).toBe("The video gateway refused the request to create a video: duration_seconds 8 is not allowed for wan-2-1; allowed: 4, 6");
  });
});

describe("how a job ends", () => {
  it("failed → provider_error naming the gateway's reason; failed + timeout → timeout", async () => {
    const fail = await runToEnd(makeJob("veo-3-1", { prompt: withMarker("[fake:fail]") }));
    expect(fail.final).toMatchObject({ status: "failed", errorCode: "provider_error" });
    expect(fail.final.message).toBe("The video gateway reported that the job failed: The upstream provider returned an internal error.");
    const timeout = await runToEnd(makeJob("veo-3-1", { prompt: withMarker("[fake:timeout]") }));
    expect(timeout.final).toMatchObject({ status: "failed", errorCode: "timeout", message: TIMEOUT_MESSAGE });
  });

  it("mirror_status failed with a link → the video is copied from that link", async () => {
    const { submitted, final } = await runToEnd(makeJob("veo-3-1", { prompt: withMarker("[fake:mirrorfail]") }));
    expect(final.status).toBe("succeeded");
    expect(final.outputUrl).toBe(`${fake.origin}/upstream/${submitted.providerJobId}.mp4?expires=300`);
    const res = await gatewayProvider.fetchOutput(submitted, final, AbortSignal.timeout(10_000));
    expect(res.headers.get("content-type")).toBe("video/mp4");
    await res.body?.cancel();
    expect(fake.downloads(submitted.providerJobId)).toBe(1);

    const gone = await runToEnd(makeJob("veo-3-1", { prompt: withMarker("[fake:mirrorfail] [fake:expired]") }));
    const err = await providerFailure(gatewayProvider.fetchOutput(gone.submitted, gone.final, AbortSignal.timeout(10_000)));
    expect(err).toMatchObject({ code: "output_expired", message: MIRROR_EXPIRED_MESSAGE });
    expect(err.message).toContain("could not keep the file");
  });

  it("mirror_status failed without a link → failed, saying the gateway could not keep the file", async () => {
    const { final } = await runToEnd(makeJob("veo-3-1", { prompt: withMarker("[fake:mirrorlost]") }));
    expect(final).toMatchObject({ status: "failed", errorCode: "provider_error", message: MIRROR_LOST_MESSAGE });
    expect(final.message).toContain("could not keep the file");
  });

  it("an expired link → output_expired after one fresh status answer; an HTML page → provider_error", async () => {
    const expired = await runToEnd(makeJob("veo-3-1", { prompt: withMarker("[fake:expired]") }));
    const err = await providerFailure(gatewayProvider.fetchOutput(expired.submitted, expired.final, AbortSignal.timeout(10_000)));
    expect(err.code).toBe("output_expired");
    expect(err.message).toBe("The video gateway's link to this video expired before Dailies could copy it. Run the job again.");
    // The first link and the freshly signed one were both tried.
    expect(fake.downloads(expired.submitted.providerJobId)).toBe(2);

    const html = await runToEnd(makeJob("veo-3-1", { prompt: withMarker("[fake:html]") }));
    const page = await providerFailure(gatewayProvider.fetchOutput(html.submitted, html.final, AbortSignal.timeout(10_000)));
    expect(page).toMatchObject({ code: "provider_error", retryable: false });
  });
});

describe("non-default settings", () => {
  it("follows a custom auth header (no scheme) and custom paths, cancel included", async () => {
    const custom = await startGatewayFake({
      timings: { queuedMs: 30, runningMs: 120 },
      authHeader: "X-Gateway-Key",
      authScheme: "",
      paths: { models: "/api/catalog?kind=video&modality=video", submit: "/api/generate", status: "/api/jobs/{id}/state", cancel: "/api/jobs/{id}/cancel" },
    });
    try {
      await withEnv(custom.env, async () => {
        const found = await gatewayProvider.discover!();
        expect(found.find((m) => m.id === "gateway:wan-2-1")!.durations).toEqual([4, 6]);
        const job = providerJobFor(found.find((m) => m.id === "gateway:veo-3-1-fast"));
        const { submitted, final } = await runToEnd(job);
        expect(final.status).toBe("succeeded");
        const other = await gatewayProvider.submit(providerJobFor(found[0]), noImage);
        await gatewayProvider.cancel!(other);
        expect(custom.canceled(other.providerJobId)).toBe(true);
        expect((await gatewayProvider.poll(other)).status).toBe("canceled");
        expect(new Set(custom.requests.map((r) => r.path.replace(/job_\w+/, ":id")))).toEqual(
          new Set(["/api/catalog?kind=video&modality=video", "/api/generate", "/api/jobs/:id/state", "/api/jobs/:id/cancel"]),
        );
        expect(new Set(custom.requests.map((r) => r.auth))).toEqual(new Set([custom.key]));
        expect(custom.submissions.map((s) => s.jobId)).toEqual([submitted.providerJobId, other.providerJobId]);
      });
    } finally {
      await custom.close();
    }
  });
});
