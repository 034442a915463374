/**
 * Live events across processes on one database: web server A takes the job, a worker in its own
 * process runs it, and a stream on web server B sees it through to `succeeded`. On SQLite, B finds
 * the changes by sweeping the shared file. On Postgres (npm run test:scale), B's sweep and the
 * worker's tick are set to ten minutes, so the job can only get there by LISTEN/NOTIFY: "a job was
 * created" from A to the worker, and every change from A and the worker to B.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { as, getJobWithoutHistory, postJob } from "./support/api";
import { startApp, startServer, startWorkerProcess, type App, type Server } from "./support/app-server";
import { isReady, jobReached, openEventStream } from "./support/event-stream";
import { testPostgresUrl } from "./support/test-postgres";

const onPostgres = testPostgresUrl() !== null;
const TEN_MINUTES = String(10 * 60_000);

describe(`live job events across processes on one ${onPostgres ? "Postgres" : "SQLite"} database`, () => {
  let a: App;
  let b: Server;
  let worker: Awaited<ReturnType<typeof startWorkerProcess>>;

  beforeAll(async () => {
    a = await startApp({ env: { WORKER: "off" } });
    worker = await startWorkerProcess(a, onPostgres ? { WORKER_TICK_MS: TEN_MINUTES } : {});
    b = await startServer({ dataDir: a.dataDir, env: { WORKER: "off", ...(onPostgres ? { LIVE_SAFETY_SWEEP_MS: TEN_MINUTES } : {}) } });
  });
  afterAll(async () => {
    await worker?.stop();
    await Promise.all([a?.stop(), b?.stop()]);
  });

  it("pushes a job made on server A and run by the worker to a stream on server B", { timeout: 150_000 }, async () => {
    const onB = as(b, a.owner);
    const stream = await openEventStream(onB);
    try {
      expect(stream.status).toBe(200);
      await stream.until(isReady);
      const created = await postJob(a, { model: "local:preview", prompt: "two lighthouses, one beam, slow dolly in", durationSeconds: 2, resolution: "480p" });
      expect(created.status).toBe(201);
      const id = created.body.id!;
      await stream.until(jobReached(id, "succeeded"), 120_000, `job ${id} succeeded on B's stream`);
      expect(stream.jobs().filter((e) => e.job.id === id).at(-1)!.job).toEqual(await getJobWithoutHistory(onB, id));
    } finally {
      stream.close();
    }
  });
});
