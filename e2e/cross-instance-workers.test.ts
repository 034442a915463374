/**
 * Two worker processes (`npm run worker`) on one database, as N machines would run them.
 * - A provider's in-flight cap holds across both: with MODELSLAB_MAX_IN_FLIGHT=2 and six jobs,
 *   the ModelsLab fake never holds more than two, refuses none, and sees each job once.
 * - A local render made by one worker is polled and saved by the other. On Postgres (npm run
 *   test:scale) the second worker has a DATA_DIR of its own and files go to an S3 bucket, so it
 *   can only know the render through its record in the database and read the video from the
 *   bucket. The first worker is killed once its render is recorded as finished, and its
 *   completion webhook goes nowhere, so only the second one can bring the job on.
 * On SQLite both workers share the one database file and DATA_DIR, as they would on one machine.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getLocalRender } from "../lib/db/queries/local-renders";
import { getJob } from "../lib/db/queries/jobs";
import { startModelslabFake, type ModelslabFake } from "./fakes/modelslab";
import { getJobJson, isFinished, postJob, watchJob } from "./support/api";
import { startApp, startWorkerProcess, waitFor, type App } from "./support/app-server";
import { startLocalS3, type LocalS3 } from "./support/local-s3";
import { tempDataDir, withDb } from "./support/test-db";
import { testPostgresUrl } from "./support/test-postgres";

const onPostgres = testPostgresUrl() !== null;
/** Every process of one instance shares it, as several machines must (webhook signatures, saved keys). */
const APP_SECRET = "cross-instance-test-secret-0123456789abcdef";

describe(`two worker processes on one ${onPostgres ? "Postgres" : "SQLite"} database`, () => {
  let fake: ModelslabFake;
  let s3: LocalS3 | null = null;
  let app: App;
  const stops: Array<() => Promise<void>> = [];

  beforeAll(async () => {
    fake = await startModelslabFake({ queueCap: 2, timings: { queuedMs: 50, runningMs: 500 }, webhooks: false });
    if (onPostgres) s3 = await startLocalS3();
    app = await startApp({
      env: { WORKER: "off", APP_SECRET, MODELSLAB_MAX_IN_FLIGHT: "2", ...fake.env, ...(s3?.env("cross") ?? {}) },
    });
  });
  afterAll(async () => {
    await Promise.all(stops.splice(0).map((stop) => stop()));
    await app?.stop();
    await fake?.close();
    await s3?.close();
  });

  async function worker(extraEnv: Record<string, string> = {}) {
    const proc = await startWorkerProcess(app, extraEnv);
    stops.push(() => proc.stop());
    return proc;
  }

  it("keeps a provider's in-flight cap across both workers, with no 429 and no job sent twice", { timeout: 150_000 }, async () => {
    const [one, two] = await Promise.all([worker(), worker()]);
    const prompts = [1, 2, 3, 4, 5, 6].map((i) => `tide pools at dawn, take ${i}`);
    const ids = [];
    for (const prompt of prompts) {
      const created = await postJob(app, { model: "modelslab:veo-3.1-fast", prompt, durationSeconds: 8, resolution: "720p" });
      expect(created.status).toBe(201);
      ids.push(created.body.id!);
    }
    const finished = await Promise.all(ids.map(async (id) => (await watchJob(app, id, isFinished, 120_000)).job));
    await Promise.all([one.stop(), two.stop()]);

    expect(finished.map((j) => [j.status, j.error])).toEqual(ids.map(() => ["succeeded", null]));
    expect(fake.maxConcurrent()).toBeLessThanOrEqual(2);
    expect(fake.attempts.map((a) => a.status)).toEqual(prompts.map(() => 200));
    expect(fake.submissions.map((s) => s.body.prompt).sort()).toEqual([...prompts].sort());
  });

  it("saves a local render on a worker that did not make it", { timeout: 150_000 }, async () => {
    // Nothing listens on port 9 on loopback: the renderer's completion webhook is lost.
    const maker = await worker({ INTERNAL_URL: "http://127.0.0.1:9" });
    const created = await postJob(app, { model: "local:preview", prompt: "a paper boat on a rainy street, slow push in", durationSeconds: 2, resolution: "480p" });
    expect(created.status).toBe(201);
    const id = created.body.id!;

    const renderId = await waitForRender(app, id);
    await maker.kill();
    const killedAt = Date.now();

    const otherDataDir = onPostgres ? tempDataDir("dailies-other-machine-") : app.dataDir;
    await worker({ DATA_DIR: otherDataDir });
    const { job } = await watchJob(app, id, isFinished, 120_000);
    expect([job.status, job.error]).toEqual(["succeeded", null]);
    // The maker never heard that its render finished (its webhook went nowhere): the recorded history says
    // the finish was learnt after it was gone, by the other worker's poll.
    const saving = job.history.find((h) => h.to === "saving");
    expect(saving?.source).toBe("poll");
    expect(Date.parse(saving!.at)).toBeGreaterThanOrEqual(killedAt);
    expect((await getJobJson(app, id)).video?.url).toBe(`/media/videos/${id}.mp4`);

    // Released once saved (just after the job is marked succeeded): no record and no file left behind.
    await waitFor(async () => (await withDb(app.dataDir, (db) => getLocalRender(db, renderId))) === undefined, 30_000, () => `render ${renderId}'s record is still there`);
    if (s3) {
      expect(fs.existsSync(path.join(otherDataDir, "renders", renderId))).toBe(false);
      const video = await fetch(`${s3.endpoint}/${s3.bucket}/cross/videos/${id}.mp4`, { method: "HEAD" });
      expect(video.status).toBe(200);
      const render = await fetch(`${s3.endpoint}/${s3.bucket}/cross/renders/${renderId}.mp4`, { method: "HEAD" });
      expect(render.status).toBe(404);
    }
  });
});

/** The job's render id, once its record says the render finished. */
async function waitForRender(app: App, jobId: string): Promise<string> {
  let renderId = "";
  await waitFor(
    () =>
      withDb(app.dataDir, async (db) => {
        const job = await getJob(db, jobId);
        if (!job?.providerJobId) return false;
        renderId = job.providerJobId;
        return (await getLocalRender(db, renderId))?.status === "succeeded";
      }),
    90_000,
    () => `the render of job ${jobId} finished`,
  );
  return renderId;
}
