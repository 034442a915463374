/**
 * ModelsLab has no cancel call: Dailies cancels locally and a late success changes nothing. The
 * real worker submits (in process, real SQLite, real HTTP to the fake), the job is canceled here,
 * ModelsLab finishes anyway and its webhook reaches the real route: the job stays canceled,
 * ModelsLab is not even asked, and nothing is downloaded.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "../app/api/webhooks/[provider]/route";
import { db } from "../lib/db/client";
import { getJob } from "../lib/db/queries/jobs";
import { resetEnvCache } from "../lib/env";
import { cancelJob } from "../lib/jobs/cancel-job";
import { Worker } from "../lib/worker/worker";
import { startModelslabFake, type ModelslabFake } from "./fakes/modelslab";
import { webhookBody } from "./fakes/modelslab-jobs";
import { seedJob, tempDataDir } from "./support/test-db";

let fake: ModelslabFake;
const savedEnv = { ...process.env };

beforeAll(async () => {
  fake = await startModelslabFake({ timings: { queuedMs: 50, runningMs: 300 }, webhooks: false });
  // Callbacks need a public URL; nothing listens there; the test hands the delivery to the route itself.
  Object.assign(process.env, fake.env, { DATA_DIR: tempDataDir("dailies-ml-cancel-"), PUBLIC_URL: "https://studio.example", WORKER_TICK_MS: "50" });
  resetEnvCache();
});

afterAll(async () => {
  await fake.close();
  process.env = savedEnv;
  resetEnvCache();
});

async function until<T>(read: () => Promise<T | null | undefined>, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (v) return v;
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function submittedJob(prompt?: string) {
  const database = await db();
  const seeded = await seedJob(database, { model: "modelslab:veo-3.1-fast", durationSeconds: 8, resolution: "720p", ...(prompt ? { prompt } : {}) });
  const worker = new Worker(database);
  worker.start();
  try {
    return await until(async () => {
      const j = await getJob(database, seeded.id);
      return j?.providerJobId ? j : null;
    });
  } finally {
    await worker.stop();
  }
}

async function finishedAtModelslab(id: number): Promise<void> {
  await until(async () => {
    const res = await fetch(`${fake.origin}/api/v7/video-fusion/fetch/${id}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ key: fake.key }),
    });
    return ((await res.json()) as { status: string }).status === "success";
  });
}

const deliver = (url: string, body: unknown) =>
  POST(new Request(url, { method: "POST", body: JSON.stringify(body) }), { params: Promise.resolve({ provider: "modelslab" }) });

describe("ModelsLab webhooks through the route", () => {
  it("a confirmed success moves the job to saving once; a replay is a duplicate; a wrong token is 401", async () => {
    const database = await db();
    const job = await submittedJob();
    const remote = fake.jobs.get(Number(job.providerJobId))!;
    await finishedAtModelslab(remote.id);
    const body = webhookBody(remote, "current", fake.origin);
    const before = fake.fetches.get(String(remote.id)) ?? 0;

    const forged = await deliver(remote.webhook!.replace(/token=[^&]+/, "token=forged"), body);
    expect(forged.status).toBe(401);
    const first = await deliver(remote.webhook!, body);
    expect([first.status, ((await first.json()) as { message: string }).message]).toEqual([200, "ok"]);
    expect(fake.fetches.get(String(remote.id))).toBe(before + 1);
    expect(await getJob(database, job.id)).toMatchObject({ status: "saving", outputUrl: `${fake.origin}/out/${remote.id}.mp4` });
    const replay = await deliver(remote.webhook!, body);
    expect(((await replay.json()) as { message: string }).message).toBe("Duplicate delivery ignored.");
  });
});

describe("ModelsLab: cancel is local", () => {
  it("a late success after a local cancel leaves the job canceled and downloads nothing", async () => {
    const database = await db();
    const submitted = await submittedJob();
    expect((await cancelJob(database, submitted)).ok).toBe(true);

    const remote = fake.jobs.get(Number(submitted.providerJobId))!;
    expect(remote.webhook).toContain(`/api/webhooks/modelslab?job=${submitted.id}&token=`);
    // ModelsLab finishes the job anyway.
    await finishedAtModelslab(remote.id);
    const fetchesBefore = fake.fetches.get(String(remote.id)) ?? 0;

    const res = await deliver(remote.webhook!, webhookBody(remote, "current", fake.origin));
    expect(res.status).toBe(200);
    const after = await getJob(database, submitted.id);
    expect(after).toMatchObject({ status: "canceled", videoKey: null, outputUrl: null });
    expect(fake.fetches.get(String(remote.id)) ?? 0).toBe(fetchesBefore);
    expect(fake.downloads(remote.id)).toBe(0);
  });
});
