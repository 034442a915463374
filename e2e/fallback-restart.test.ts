/**
 * A worker killed (SIGKILL) between a job's attempts: the first route (Replicate) answers 429 for
 * ever, the job moves on to fal, the worker dies, and the next worker finishes it at fal. Each
 * fake's own record is the proof: exactly one request at Replicate, exactly one submission at fal.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFalFake, type FalFake } from "./fakes/fal";
import { startReplicateFake, type ReplicateFake } from "./fakes/replicate";
import { getJobJson, isFinished, postJob, watchJob } from "./support/api";
import { startApp, startWorkerProcess, type App } from "./support/app-server";

let replicate: ReplicateFake;
let fal: FalFake;
let app: App;

beforeAll(async () => {
  replicate = await startReplicateFake({ timings: { startingMs: 300, processingMs: 2000 } });
  // fal takes a while, so the kill usually lands while its attempt runs there; wherever it lands after that, nothing may be sent twice.
  fal = await startFalFake({ timings: { queuedMs: 500, runningMs: 2500 } });
  app = await startApp({ env: { WORKER: "off", REPLICATE_API_TOKEN: replicate.token, REPLICATE_BASE_URL: replicate.baseUrl, ...fal.env } });
});
afterAll(async () => {
  await app?.stop();
  await fal?.close();
  await replicate?.close();
});

describe("fallback across a worker crash", () => {
  it("a SIGKILL after the first attempt moved on: made by fal, one request at each fake", async () => {
    const prompt = "a lighthouse in a gale, slow push in [fake@replicate:ratelimit=1000]";
    const created = await postJob(app, { model: "replicate:google/veo-3.1", prompt, durationSeconds: 8, resolution: "720p", aspectRatio: "16:9" });
    expect(created.status).toBe(201);
    const id = created.body.id!;

    const first = await startWorkerProcess(app);
    // The recorded facts to kill on: attempt 0 is written down as moved on, and fal's answer to attempt 1
    // is stored (the job is fal's). A kill inside fal's submit call itself would be a lost submit, which
    // fal gives no way to find again without a webhook: failed, never sent twice (e2e/lost-submit.test.ts).
    await watchJob(app, id, (j) => j.attempts[0]?.status === "moved_on" && !!j.attempts[1]?.submittedAt, 30_000);
    await first.kill();

    const second = await startWorkerProcess(app);
    try {
      const { job } = await watchJob(app, id, isFinished, 40_000);
      expect(job).toMatchObject({ status: "succeeded", provider: "fal", routeStory: "Replicate was rate limited → made by fal" });
      expect(replicate.attempts.filter((s) => s.input.prompt === prompt).map((s) => s.answeredStatus)).toEqual([429]);
      expect(fal.attempts.filter((s) => s.input.prompt === prompt)).toHaveLength(1);
      expect(fal.submissions.filter((s) => s.input.prompt === prompt)).toHaveLength(1);
      const attempts = (await getJobJson(app, id)).attempts;
      expect(attempts.map((a) => [a.n, a.provider, a.status, a.error?.code ?? null])).toEqual([
        [0, "replicate", "moved_on", "rate_limited"],
        [1, "fal", "succeeded", null],
      ]);
    } finally {
      await second.stop();
    }
  });
});
