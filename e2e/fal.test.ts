/** fal jobs end to end: our real server and worker against a loopback fal queue over real HTTP. */
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFalFake, type FalFake } from "./fakes/fal";
import { getJobJson, isFinished, postJob, watchJob } from "./support/api";
import { startApp, type App } from "./support/app-server";

const MODEL = "fal:fal-ai/kling-video/v2.1/master/text-to-video";
let fake: FalFake;
let hooked: App;
let polling: App;

const submissionsFor = (prompt: string) => fake.submissions.filter((s) => s.input.prompt === prompt);
const create = (app: App, prompt: string) => postJob(app, { model: MODEL, prompt, aspectRatio: "16:9", durationSeconds: 5 });

beforeAll(async () => {
  fake = await startFalFake({ timings: { queuedMs: 200, runningMs: 800 } });
  [hooked, polling] = await Promise.all([startApp({ publicUrl: true, env: fake.env }), startApp({ env: fake.env })]);
});
afterAll(async () => {
  await Promise.all([hooked?.stop(), polling?.stop()]);
  await fake?.close();
});

describe("fal with webhooks", () => {
  it("is finished by the ED25519-signed webhook", async () => {
    const prompt = "a kite dances above a windy beach";
    const created = await create(hooked, prompt);
    expect(created.status).toBe(201);
    // kling 2.1 master's typical wait is 240 s: without the webhook nothing would finish in 30 s
    const { job } = await watchJob(hooked, created.body.id!, isFinished, 30_000);
    expect(job.status).toBe("succeeded");
    const [sub] = submissionsFor(prompt);
    // Every callback URL names its job and carries its per-job token (kit/callback-token).
    expect(sub?.webhookUrl).toMatch(new RegExp(`^${hooked.url}/api/webhooks/fal\\?job=${job.id}&token=[\\w-]+$`));
    expect(sub?.headers.authorization).toBe(`Key ${fake.key}`);
    expect(job.video?.width).toBeGreaterThan(0);
  });

  it("refuses tampered, stale and foreign-key webhooks, and ignores replays", async () => {
    const prompt = "a fox trots through fresh snow";
    const created = await create(hooked, prompt);
    const { job } = await watchJob(hooked, created.body.id!, isFinished, 30_000);
    const requestId = submissionsFor(prompt)[0]!.requestId!;
    const url = `${hooked.url}/api/webhooks/fal`;
    const failure = { request_id: requestId, status: "ERROR", error: "forged failure", payload: null };
    expect(await fake.sendWebhook(url, { requestId, payload: failure, variant: "tampered" })).toBe(401);
    expect(await fake.sendWebhook(url, { requestId, payload: failure, variant: "stale" })).toBe(401);
    expect(await fake.sendWebhook(url, { requestId, payload: failure, variant: "wrong-key" })).toBe(401);
    expect(await fake.sendWebhook(url, { requestId, payload: failure, variant: "garbage-signature" })).toBe(401);
    expect(await fake.sendWebhook(url, { requestId, variant: "valid" })).toBe(200); // a replay
    expect(await getJobJson(hooked, job.id)).toEqual(job);
  });
});

describe("fal by polling only", () => {
  it("finishes without a webhook", async () => {
    const prompt = "rain on a tin roof, close up";
    const created = await create(polling, prompt);
    const { job } = await watchJob(polling, created.body.id!, isFinished, 30_000);
    expect(job.status).toBe("succeeded");
    expect(submissionsFor(prompt)[0]?.webhookUrl).toBeNull();
  });

  it("animates an image sent inline to the image-to-video endpoint", async () => {
    const still = await sharp({ create: { width: 640, height: 360, channels: 3, background: "#884422" } }).png().toBuffer();
    const prompt = "the camera pushes in slowly";
    const created = await postJob(polling, { model: MODEL, prompt, durationSeconds: 5 }, { bytes: still, name: "a.png", type: "image/png" });
    expect(created.status).toBe(201);
    const { job } = await watchJob(polling, created.body.id!, isFinished, 30_000);
    expect(job.status).toBe("succeeded");
    const [sub] = submissionsFor(prompt);
    expect(sub?.endpoint).toBe("fal-ai/kling-video/v2.1/master/image-to-video");
    expect(String(sub?.input.image_url)).toMatch(/^data:image\/png;base64,/);
  });

  it("retries after a 429 and submits once", async () => {
    const prompt = "[fake:429] traffic at dusk";
    const created = await create(polling, prompt);
    const { job } = await watchJob(polling, created.body.id!, isFinished, 30_000);
    expect(job.status).toBe("succeeded");
    expect(submissionsFor(prompt).filter((s) => s.requestId)).toHaveLength(1);
  });

  it("reports a safety refusal as content_policy without retrying", async () => {
    const prompt = "[fake:safety] refused";
    const created = await create(polling, prompt);
    const { job } = await watchJob(polling, created.body.id!, isFinished, 30_000);
    expect(job).toMatchObject({ status: "failed", error: { code: "content_policy" } });
    expect(submissionsFor(prompt)).toHaveLength(1);
  });

  it("fails with output_expired when the media is gone", async () => {
    const created = await create(polling, "[fake:expired] gone");
    const { job } = await watchJob(polling, created.body.id!, isFinished, 30_000);
    expect(job).toMatchObject({ status: "failed", error: { code: "output_expired" } });
  });
});
