/**
 * A worker killed after Replicate accepted a job but before Dailies stored the prediction's id: the
 * job adopts that one prediction (found in Replicate's list, or named by its signed webhook) and
 * finishes; nothing is sent twice. The crash is real: the fake holds its answer to the create call
 * ([fake:hold]), and the worker process is SIGKILLed once the fake has the prediction.
 */
import { afterAll, describe, expect, it } from "vitest";
import { getJob } from "../lib/db/queries/jobs";
import { startReplicateFake, type ReplicateFake } from "./fakes/replicate";
import { api, getJobJson, isFinished, postJob, watchJob } from "./support/api";
import { startApp, startWorkerProcess, waitFor, type App } from "./support/app-server";
import { seedJob, withDb } from "./support/test-db";

const MODEL = "replicate:google/veo-3.1-fast";
const fakes: ReplicateFake[] = [];
const apps: App[] = [];

afterAll(async () => {
  await Promise.all(apps.map((a) => a.stop()));
  await Promise.all(fakes.map((f) => f.close()));
});

async function setUp(fakeOpts: Parameters<typeof startReplicateFake>[0], publicUrl: boolean) {
  const fake = await startReplicateFake({ timings: { startingMs: 300, processingMs: 1500 }, ...fakeOpts });
  fakes.push(fake);
  // A long lease, so that nothing but recognising the dead worker lets the next one resume at once.
  const app = await startApp({ publicUrl, env: { WORKER: "off", WORKER_LEASE_MS: "60000", REPLICATE_API_TOKEN: fake.token, REPLICATE_BASE_URL: fake.baseUrl } });
  apps.push(app);
  return { fake, app };
}

/** Creates the job on a worker that dies right after Replicate accepted it; returns the job as the crash left it. */
async function lostSubmit(fake: ReplicateFake, app: App, prompt: string) {
  const first = await startWorkerProcess(app);
  const created = await postJob(app, { model: MODEL, prompt, aspectRatio: "16:9", durationSeconds: 8 });
  expect(created.status).toBe(201);
  const id = created.body.id!;
  await waitFor(() => fake.submissions.some((s) => s.input.prompt === prompt), 20_000, () => "the fake never got the prediction");
  await first.kill();
  const left = (await withDb(app.dataDir, (db) => getJob(db, id)))!;
  return { id, left };
}

describe("a crash between Replicate accepting a job and Dailies storing its id", () => {
  it("is recovered from Replicate's list of recent predictions, without waiting for the dead worker's lease", { timeout: 120_000 }, async () => {
    const { fake, app } = await setUp({}, false);
    const prompt = "[fake:hold=30000] a glacier calving into the sea";
    const { id, left } = await lostSubmit(fake, app, prompt);
    // What the crash left: sent, no id, and a lease that would hold the job for a minute.
    expect(left).toMatchObject({ status: "queued", providerJobId: null });
    expect(left.submitStartedAt).not.toBeNull();
    expect(left.leaseUntil).toBeGreaterThan(Date.now() + 30_000);

    const second = await startWorkerProcess(app);
    try {
      const { job } = await watchJob(app, id, isFinished, 45_000).catch((err: unknown) => {
        throw new Error(`${String(err)}\nworker said:\n${JSON.stringify(second.output())}`);
      });
      expect(job.status).toBe("succeeded");
      const prediction = [...fake.predictions.values()].filter((p) => p.input.prompt === prompt);
      expect(prediction).toHaveLength(1);
      expect(fake.attempts.filter((s) => s.input.prompt === prompt)).toHaveLength(1);
      expect(fake.listRequests).toBeGreaterThan(0);
      // The move out of queued is the worker adopting the prediction, straight to whatever state
      // Replicate reports for it by then (it may already be processing).
      const adopted = job.history.find((h) => h.from === "queued")!;
      expect(adopted).toMatchObject({ source: "worker" });
      expect(["submitted", "running", "saving"]).toContain(adopted.to);
      // Resumed before the dead worker's lease ran out (the restart recognised it was gone).
      expect(Date.parse(adopted.at)).toBeLessThan(left.leaseUntil!);
      expect(job.history.at(-1)).toMatchObject({ to: "succeeded" });
    } finally {
      await second.stop();
    }
  });

  it("is recovered by the prediction's signed webhook naming the job, where Replicate's list cannot help", { timeout: 120_000 }, async () => {
    const { fake, app } = await setUp({ listPredictions: false }, true);
    const prompt = "[fake:hold=30000] a paper lantern rising over a river";
    const { id } = await lostSubmit(fake, app, prompt);
    const second = await startWorkerProcess(app);
    try {
      const { job } = await watchJob(app, id, isFinished, 45_000);
      expect(job.status).toBe("succeeded");
      expect(fake.attempts.filter((s) => s.input.prompt === prompt)).toHaveLength(1);
      expect(job.history.find((h) => h.to === "submitted")).toMatchObject({ from: "queued", source: "webhook" });
    } finally {
      await second.stop();
    }
  });

  it("answers 200, not 'retry', to a webhook naming a job that has already finished", async () => {
    const { fake, app } = apps.length ? { fake: fakes[0]!, app: apps[0]! } : await setUp({}, false);
    const job = await withDb(app.dataDir, (db) =>
      seedJob(db, { userId: app.userId, model: MODEL, status: "failed", errorCode: "internal", errorMessage: "Lost.", submitStartedAt: Date.now() - 60_000, completedAt: Date.now() }),
    );
    const made = await fetch(`${fake.baseUrl}/models/google/veo-3.1-fast/predictions`, {
      method: "POST",
      headers: { authorization: `Bearer ${fake.token}`, "content-type": "application/json" },
      body: JSON.stringify({ input: { prompt: "made elsewhere" } }),
    });
    const { id: predictionId } = (await made.json()) as { id: string };
    const status = await fake.sendWebhook(predictionId, { url: `${app.url}/api/webhooks/replicate?job=${job.id}` });
    expect(status).toBe(200);
    expect((await getJobJson(app, job.id)).status).toBe("failed");
    expect((await api(app, `/api/jobs/${job.id}`)).status).toBe(200);
  });
});
