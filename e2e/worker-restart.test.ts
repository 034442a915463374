/** A worker killed mid-job: the next one resumes it from the database, and the provider saw one submission. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startReplicateFake, type ReplicateFake } from "./fakes/replicate";
import { getJobJson, isFinished, postJob, watchJob } from "./support/api";
import { startApp, startWorkerProcess, waitFor, type App } from "./support/app-server";

let fake: ReplicateFake;
let app: App;

beforeAll(async () => {
  fake = await startReplicateFake({ timings: { startingMs: 300, processingMs: 4000 } });
  app = await startApp({ env: { WORKER: "off", REPLICATE_API_TOKEN: fake.token, REPLICATE_BASE_URL: fake.baseUrl } });
});
afterAll(async () => {
  await app?.stop();
  await fake?.close();
});

describe("worker crash and restart", () => {
  it("finishes the job after a SIGKILL without submitting it twice", async () => {
    const first = await startWorkerProcess(app);
    const prompt = "a train crosses a snowy viaduct";
    const created = await postJob(app, { model: "replicate:google/veo-3.1-fast", prompt, durationSeconds: 8 });
    expect(created.status).toBe(201);
    const id = created.body.id!;
    // Recorded as running (the prediction runs for 4 s): kill the worker mid-job.
    await watchJob(app, id, (j) => j.history.some((h) => h.to === "running"), 20_000);
    await first.kill();

    const stuck = await getJobJson(app, id);
    expect(isFinished(stuck)).toBe(false);

    const second = await startWorkerProcess(app);
    try {
      const { job } = await watchJob(app, id, isFinished, 30_000);
      expect(job.status).toBe("succeeded");
      expect(fake.submissions.filter((s) => s.input.prompt === prompt && s.answeredStatus === 201)).toHaveLength(1);
    } finally {
      await second.stop();
    }
  });

  it("a second worker alongside the first never doubles a submission", async () => {
    const a = await startWorkerProcess(app);
    const b = await startWorkerProcess(app);
    try {
      const prompts = Array.from({ length: 6 }, (_, i) => `parallel job ${i}`);
      const ids = await Promise.all(prompts.map(async (prompt) => (await postJob(app, { model: "replicate:google/veo-3.1-fast", prompt, durationSeconds: 4 })).body.id!));
      await waitFor(async () => (await Promise.all(ids.map((id) => getJobJson(app, id)))).every(isFinished), 40_000);
      for (const prompt of prompts) expect(fake.submissions.filter((s) => s.input.prompt === prompt)).toHaveLength(1);
      for (const id of ids) expect((await getJobJson(app, id)).status).toBe("succeeded");
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });
});
