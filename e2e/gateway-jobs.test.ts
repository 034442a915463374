/**
 * AI.ML and Visgate jobs through the real worker, in process: a real SQLite file, real HTTP to
 * the loopback fakes, the real save step (probe, poster). Checks what the job row keeps.
 */
import { setTimeout as pause } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, type Db } from "../lib/db/client";
import { getJob } from "../lib/db/queries/jobs";
import type { Job } from "../lib/db/schema";
import { resetEnvCache } from "../lib/env";
import { serializeJob } from "../lib/jobs/serialize";
import { Worker } from "../lib/worker/worker";
import { startAimlFake, type AimlFake } from "./fakes/aiml";
import { startVisgateFake, type VisgateFake } from "./fakes/visgate";
import { seedJob, tempDataDir, tempDb } from "./support/test-db";

let aiml: AimlFake;
let visgate: VisgateFake;
let db: Db;
let worker: Worker;
const savedEnv = { ...process.env };

beforeAll(async () => {
  [aiml, visgate] = await Promise.all([startAimlFake({ timings: { queuedMs: 50, runningMs: 200 } }), startVisgateFake({ timings: { queuedMs: 50, runningMs: 200 } })]);
  Object.assign(process.env, aiml.env, visgate.env, {
    DATA_DIR: tempDataDir("dailies-gateways-"),
    POLL_MIN_MS: "100",
    POLL_MAX_MS: "200",
    WORKER_TICK_MS: "50",
    PROVIDER_TIMEOUT_SECONDS: "5",
  });
  delete process.env.PUBLIC_URL;
  resetEnvCache();
  db = await tempDb();
  worker = new Worker(db);
  worker.start();
});

afterAll(async () => {
  await worker?.stop();
  if (db) await closeDb(db);
  await Promise.all([aiml?.close(), visgate?.close()]);
  process.env = savedEnv;
  resetEnvCache();
});

async function finished(id: string, timeoutMs = 20_000): Promise<Job> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const job = await getJob(db, id);
    if (job && ["succeeded", "failed", "canceled"].includes(job.status)) return job;
    await pause(50);
  }
  throw new Error(`job ${id} did not finish in ${timeoutMs} ms`);
}

describe("AI.ML through the worker", () => {
  it("stores a playable video after re-resolving an expired download link, submitted once", async () => {
    const prompt = "a red kite over dunes [fake:presign-expired]";
    const job = await seedJob(db, { model: "aiml:video-gen.pro-1.0", prompt, durationSeconds: 5, resolution: "720p" });
    worker.wake();
    const done = await finished(job.id);
    expect(done).toMatchObject({ status: "succeeded", videoCodec: "h264" });
    expect(done.videoWidth).toBeGreaterThan(0);
    const uuid = done.providerJobId!;
    expect(aiml.submissions.filter((s) => s.uuid === uuid)).toHaveLength(1);
    expect(aiml.resolves.filter((r) => r.uuid === uuid)).toHaveLength(2);
    expect(aiml.presignedGets.filter((g) => g.uuid === uuid).every((g) => !g.authorization)).toBe(true);
    expect(done.providerReport).toBeNull();
  });
});

describe("Visgate through the worker", () => {
  it("keeps what served the job and what it cost, and shows it in the job's JSON", async () => {
    const job = await seedJob(db, { model: "visgate:fal-ai/veo3", prompt: "surf at golden hour [fake:cache-hit]", durationSeconds: 8, resolution: "720p" });
    worker.wake();
    const done = await finished(job.id);
    expect(done.status).toBe("succeeded");
    expect(serializeJob(done).providerReport).toEqual({
      servedBy: "fal",
      servedModel: "fal-ai/kling-video/v2.1/master/text-to-video",
      cacheHit: true,
      latencyMs: 42,
      costUsd: 0,
    });
    expect(visgate.downloads(done.providerJobId!)).toBe(1);
  });

  it("reads the API.md shape end to end", async () => {
    const job = await seedJob(db, { model: "visgate:fal-ai/veo3", prompt: "tide pools [fake:shape=api]", durationSeconds: 4, resolution: "720p" });
    worker.wake();
    const done = await finished(job.id);
    expect(done.status).toBe("succeeded");
    expect(done.providerReport).toMatchObject({ servedBy: "fal", servedModel: "fal-ai/veo3", cacheHit: false, costUsd: 1.6 });
  });

  it("a 429 is waited out and the job is submitted once", async () => {
    const prompt = "harbour lights [fake:ratelimit=1]";
    const job = await seedJob(db, { model: "visgate:fal-ai/veo3", prompt, durationSeconds: 4, resolution: "720p" });
    worker.wake();
    const done = await finished(job.id);
    expect(done.status).toBe("succeeded");
    expect(visgate.submissions.filter((s) => s.body.prompt === prompt)).toHaveLength(1);
    expect(visgate.attempts.filter((a) => (a.body as { prompt?: string }).prompt === prompt)).toHaveLength(2);
  });
});
