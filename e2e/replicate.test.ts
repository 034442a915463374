/** Replicate jobs end to end: our real server and worker against a loopback Replicate over real HTTP. */
import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ffprobePath } from "../lib/media/ffmpeg-path";
import { startReplicateFake, type ReplicateFake } from "./fakes/replicate";
import { getJobJson, isFinished, postJob, statusPath, watchJob } from "./support/api";
import { storedFileOnDisk } from "./support/stored-files";
import { startApp, type App } from "./support/app-server";

const MODEL = "replicate:google/veo-3.1-fast";
let fake: ReplicateFake;
let hooked: App; // PUBLIC_URL set: Replicate calls our webhook
let polling: App; // no PUBLIC_URL: the worker polls

const replicateEnv = () => ({ REPLICATE_API_TOKEN: fake.token, REPLICATE_BASE_URL: fake.baseUrl });
const submissionsFor = (prompt: string) => fake.submissions.filter((s) => s.input.prompt === prompt);
const create = (app: App, prompt: string, extra: Record<string, unknown> = {}) =>
  postJob(app, { model: MODEL, prompt, aspectRatio: "16:9", durationSeconds: 8, ...extra });

beforeAll(async () => {
  fake = await startReplicateFake({ timings: { startingMs: 200, processingMs: 800 } });
  [hooked, polling] = await Promise.all([startApp({ publicUrl: true, env: replicateEnv() }), startApp({ env: replicateEnv() })]);
});
afterAll(async () => {
  await Promise.all([hooked?.stop(), polling?.stop()]);
  await fake?.close();
});

describe("Replicate with webhooks", () => {
  it("is finished by the signed webhook long before the first late poll", async () => {
    const prompt = "a heron takes off from a misty lake";
    const created = await create(hooked, prompt);
    expect(created.status).toBe(201);
    // veo-3.1-fast's typical wait is 60 s, so the worker's first poll would come after 90 s
    const { job } = await watchJob(hooked, created.body.id!, isFinished, 30_000);
    expect(job.status).toBe("succeeded");
    // The webhook, not a poll, said it was done.
    expect(job.history.find((h) => h.to === "saving")?.source).toBe("webhook");
    expect(statusPath(job).slice(-2)).toEqual(["saving", "succeeded"]);
    const [sub] = submissionsFor(prompt);
    // Every callback URL names its job and carries its per-job token (kit/callback-token).
    expect(sub?.webhook).toMatch(new RegExp(`^${hooked.url}/api/webhooks/replicate\\?job=${job.id}&token=[\\w-]+$`));
    expect(sub?.headers.authorization).toBe(`Bearer ${fake.token}`);
    expect(fake.webhookDeliveries.some((d) => d.status === 200 && d.url.startsWith(hooked.url))).toBe(true);
    const out = execFileSync(ffprobePath(), ["-v", "error", "-show_entries", "stream=codec_name", "-of", "csv=p=0", await storedFileOnDisk(hooked.dataDir, `videos/${job.id}.mp4`)]);
    expect(out.toString()).toContain("h264");
    expect(job.video?.bytes).toBeGreaterThan(1000);
  });

  it("ignores duplicated, forged, tampered and stale deliveries", async () => {
    const prompt = "a lantern floats over a night market";
    const created = await create(hooked, prompt);
    const { job } = await watchJob(hooked, created.body.id!, isFinished, 30_000);
    expect(job.status).toBe("succeeded");
    const prediction = [...fake.predictions.values()].find((p) => p.input.prompt === prompt)!;

    expect(await fake.sendWebhook(prediction.id)).toBe(200); // same webhook-id again: a no-op
    expect(await fake.sendWebhook(prediction.id, { badSignature: true })).toBe(401);
    expect(await fake.sendWebhook(prediction.id, { tamperBody: true })).toBe(401);
    expect(await fake.sendWebhook(prediction.id, { timestampMs: Date.now() - 10 * 60_000, webhookId: "msg_stale" })).toBe(401);
    expect(await getJobJson(hooked, job.id)).toEqual(job);
  });
});

describe("Replicate by polling only", () => {
  it("registers no webhook and still finishes", async () => {
    const prompt = "a lighthouse beam sweeps across waves";
    const created = await create(polling, prompt);
    const { job } = await watchJob(polling, created.body.id!, isFinished, 30_000);
    expect(job.status).toBe("succeeded");
    expect(submissionsFor(prompt)[0]?.webhook).toBeNull();
    // The finished video was seen by a poll (there is no webhook), then copied by the worker.
    expect(job.history.slice(-2).map((h) => [h.to, h.source])).toEqual([
      ["saving", "poll"],
      ["succeeded", "worker"],
    ]);
  });

  it("retries after a 429, honouring Retry-After, and submits once", async () => {
    const prompt = "[fake:429] a busy crossing in the rain";
    const created = await create(polling, prompt);
    const { job } = await watchJob(polling, created.body.id!, isFinished, 30_000);
    expect(job.status).toBe("succeeded");
    expect(fake.attempts.filter((s) => s.input.prompt === prompt).map((s) => s.answeredStatus)).toEqual([429, 201]);
  });

  it("fails a safety refusal at once, with a sentence, and never retries it", async () => {
    const prompt = "[fake:safety] something the model refuses";
    const created = await create(polling, prompt);
    const { job } = await watchJob(polling, created.body.id!, isFinished, 30_000);
    expect(job.status).toBe("failed");
    expect(job.error?.code).toBe("content_policy");
    expect(job.error?.message).toMatch(/safety/i);
    expect(submissionsFor(prompt)).toHaveLength(1);
  });

  it("fails invalid input with the provider's reason", async () => {
    const created = await create(polling, "[fake:invalid] bad parameters");
    const { job } = await watchJob(polling, created.body.id!, isFinished, 30_000);
    expect(job).toMatchObject({ status: "failed", error: { code: "invalid_input" } });
  });

  it("fails with output_expired when the video is gone before we copy it", async () => {
    const created = await create(polling, "[fake:expired] too late");
    const { job } = await watchJob(polling, created.body.id!, isFinished, 30_000);
    expect(job).toMatchObject({ status: "failed", error: { code: "output_expired" }, video: null });
  });

  it("refuses an HTML error page saved as the video", async () => {
    const created = await create(polling, "[fake:html] an error page instead of a video");
    const { job } = await watchJob(polling, created.body.id!, isFinished, 30_000);
    expect(job).toMatchObject({ status: "failed", error: { code: "provider_error" }, video: null });
    expect(job.error?.message).toMatch(/web page instead of the video/);
  });
});

describe("Replicate deadlines", () => {
  it("cancels a job at the provider when it passes its deadline", async () => {
    const app = await startApp({ env: { ...replicateEnv(), JOB_DEADLINE_SECONDS: "2" } });
    try {
      const prompt = "[fake:slow] a scene that never renders";
      const created = await create(app, prompt);
      const { job } = await watchJob(app, created.body.id!, isFinished, 30_000);
      expect(job).toMatchObject({ status: "failed", error: { code: "timeout" } });
      const prediction = [...fake.predictions.values()].find((p) => p.input.prompt === prompt)!;
      expect(fake.prediction(prediction.id)?.status).toBe("canceled");
    } finally {
      await app.stop();
    }
  });
});
