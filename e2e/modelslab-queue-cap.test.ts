/**
 * ModelsLab's per-account queue cap, kept by Dailies itself: with MODELSLAB_MAX_IN_FLIGHT=2 and
 * four jobs, the real worker (in process, real SQLite, real HTTP to the fake) never has more than
 * two at ModelsLab, none is refused with 429, and all four end with a stored video.
 */
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, openDb, type Db } from "../lib/db/client";
import { getJob } from "../lib/db/queries/jobs";
import { resetEnvCache } from "../lib/env";
import { Worker } from "../lib/worker/worker";
import { startModelslabFake, type ModelslabFake } from "./fakes/modelslab";
import { seedJob, tempDataDir } from "./support/test-db";

let fake: ModelslabFake;
let db: Db;
const savedEnv = { ...process.env };

beforeAll(async () => {
  // The fake refuses a third unfinished request, as an account on a cap of 2 would.
  fake = await startModelslabFake({ queueCap: 2, timings: { queuedMs: 50, runningMs: 400 }, webhooks: false });
  const dataDir = tempDataDir("dailies-ml-cap-");
  Object.assign(process.env, fake.env, {
    DATA_DIR: dataDir,
    MODELSLAB_MAX_IN_FLIGHT: "2",
    WORKER_TICK_MS: "50",
    POLL_MIN_MS: "50",
    POLL_MAX_MS: "200",
  });
  delete process.env.PUBLIC_URL;
  resetEnvCache();
  db = await openDb(path.join(dataDir, "dailies.db"));
});

afterAll(async () => {
  await fake.close();
  await closeDb(db);
  process.env = savedEnv;
  resetEnvCache();
});

async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("timed out waiting for the jobs to finish");
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("ModelsLab queue cap", () => {
  it("with a cap of 2 and 4 jobs, ModelsLab never holds more than 2, none gets a 429, and all 4 succeed", async () => {
    const jobs = await Promise.all(
      [1, 2, 3, 4].map((i) => seedJob(db, { model: "modelslab:veo-3.1-fast", prompt: `tide pools at dawn, take ${i}`, durationSeconds: 8, resolution: "720p" })),
    );
    const worker = new Worker(db);
    worker.start();
    try {
      await until(async () => {
        const rows = await Promise.all(jobs.map((j) => getJob(db, j.id)));
        return rows.every((r) => r && ["succeeded", "failed", "canceled"].includes(r.status));
      }, 45_000);
    } finally {
      await worker.stop();
    }
    const rows = await Promise.all(jobs.map((j) => getJob(db, j.id)));
    expect(rows.map((r) => [r?.status, r?.errorMessage ?? null])).toEqual(jobs.map(() => ["succeeded", null]));
    expect(fake.maxConcurrent()).toBeLessThanOrEqual(2);
    expect(fake.attempts.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    expect(fake.submissions).toHaveLength(4);
  });
});
