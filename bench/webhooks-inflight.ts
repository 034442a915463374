/**
 * 1,000 jobs in flight at a loopback Replicate that calls back with signed (Standard Webhooks)
 * deliveries, on one dialect: two `npm run worker` processes submit every job to the fake, which
 * holds them all "processing"; over a quiet window with all of them in flight the workers' own
 * CPU time (/proc) says what an active job costs a worker; then the fake finishes all of them at
 * once and sends 1,000 "completed" webhooks (16 at a time) to the production server: webhooks
 * applied per second, each confirmed in the database. Duplicate submissions are counted at the fake.
 * The workers are stopped before the burst, so the rate is the web server's alone and their
 * copying of 1,000 outputs does not compete with it on two shared cores.
 */
import { and, eq, inArray } from "drizzle-orm";
import { closeDb, openDb } from "../lib/db/client";
import { startReplicateFake } from "../e2e/fakes/replicate";
import { startServer, startWorkerProcess, waitFor } from "../e2e/support/app-server";
import { databaseTarget, insertUser, jobRow } from "../e2e/support/test-db";
import type { DialectName } from "./dialects";
import { treeCpuSeconds } from "./proc";
import { APP_SECRET, insertMany } from "./scale-support";
import { onCleanup, round, type Measurement } from "./util";

const JOBS = 1_000;
const WORKERS = 2;
const MODEL = "replicate:google/veo-3.1-fast";
/** The quiet window with every job in flight, over which the workers' CPU time is read. */
const WINDOW_MS = 10_000;
const DELIVERY_CONCURRENCY = 16;
/** lib/env.ts's defaults, not the test harness's fast cadences: what a real worker would spend. */
const PRODUCTION_CADENCE = { WORKER_TICK_MS: "1000", WORKER_LEASE_MS: "60000", POLL_MIN_MS: "2000", POLL_MAX_MS: "30000" };

export async function benchWebhooksInFlight(dialect: DialectName): Promise<Measurement[]> {
  // Processing for an hour unless finished by hand: every job stays in flight until the burst.
  const fake = await startReplicateFake({ timings: { startingMs: 0, processingMs: 3_600_000 }, webhookConcurrency: DELIVERY_CONCURRENCY });
  onCleanup(() => fake.close());
  const providerEnv = { REPLICATE_API_TOKEN: fake.token, REPLICATE_BASE_URL: fake.baseUrl };
  const server = await startServer({ publicUrl: true, env: { WORKER: "off", APP_SECRET, ...PRODUCTION_CADENCE, ...providerEnv } });
  onCleanup(() => server.kill());
  const db = await openDb(databaseTarget(server.dataDir), { poolMax: 2 });
  const workers: Awaited<ReturnType<typeof startWorkerProcess>>[] = [];
  try {
    const now = Date.now();
    const { id: userId } = await insertUser(db);
    const rows = Array.from({ length: JOBS }, (_, i) =>
      jobRow({ userId, model: MODEL, prompt: `a heron over the marsh, take ${i}`, durationSeconds: 8, resolution: "720p", deadlineAt: now + 4 * 3_600_000 }),
    );
    await insertMany(db, rows);

    for (let i = 0; i < WORKERS; i++) workers.push(await startWorkerProcess(server));
    for (const w of workers) onCleanup(() => w.kill());
    const cpu = () => workers.reduce((s, w) => s + treeCpuSeconds(w.child.pid!), 0);
    const cpuAtStart = cpu();
    const t0 = performance.now();
    const started = () => new Set(fake.webhookDeliveries.filter((d) => d.event === "start").map((d) => d.predictionId)).size;
    // In flight: the fake has every job and our server has heard each one start.
    await waitFor(() => fake.submissions.length >= JOBS && started() >= JOBS, 600_000, () => `${fake.submissions.length} of ${JOBS} submitted, ${started()} start webhooks`);
    const submitSeconds = (performance.now() - t0) / 1000;
    const submitCpu = cpu() - cpuAtStart;

    const windowCpu0 = cpu();
    const w0 = performance.now();
    // A measuring window, not a wait for something to happen: nothing is expected to change in it.
    await new Promise((r) => setTimeout(r, WINDOW_MS));
    const windowSeconds = (performance.now() - w0) / 1000;
    const windowCpu = cpu() - windowCpu0;
    await Promise.all(workers.map((w) => w.stop()));

    const serverCpu0 = treeCpuSeconds(server.child.pid!);
    const releasedAt = Date.now();
    const finished = fake.finishProcessing();
    const completed = () => fake.webhookDeliveries.filter((d) => d.event === "completed" && d.status !== null && d.status >= 200 && d.status < 300);
    await waitFor(() => completed().length >= finished, 300_000, () => `${completed().length} of ${finished} completed webhooks accepted`);
    const lastAt = Math.max(...completed().map((d) => d.at));
    const burstSeconds = (lastAt - releasedAt) / 1000;
    const serverCpu = treeCpuSeconds(server.child.pid!) - serverCpu0;

    const { jobs } = db.t;
    // Applied: the webhook moved the job on (to saving; no worker runs now to copy it further).
    const applied = (await db.orm.select({ id: jobs.id }).from(jobs).where(and(eq(jobs.userId, userId), inArray(jobs.status, ["saving", "succeeded"])))).length;
    const prompts = fake.submissions.map((s) => String(s.input.prompt));
    const duplicates = prompts.length - new Set(prompts).size;
    const rejected = fake.webhookDeliveries.filter((d) => d.status === null || d.status >= 300).length;
    const perJobMsPerS = (windowCpu * 1000) / JOBS / windowSeconds;
    const common = { dialect, jobs: JOBS, workers: WORKERS };
    return [
      {
        id: `webhooks-inflight-1000-${dialect.toLowerCase()}`,
        name: `${JOBS.toLocaleString("en")} jobs in flight at a fake with signed webhooks (${dialect}): completions applied per second`,
        value: round(finished / burstSeconds, 1),
        unit: "webhooks/s",
        target: "report; 0 duplicate submissions, every webhook applied",
        pass: duplicates === 0 && applied === JOBS && finished === JOBS,
        details: { ...common, finished, applied, duplicates, rejectedDeliveries: rejected, burstSeconds: round(burstSeconds, 2), deliveryConcurrency: DELIVERY_CONCURRENCY, serverCpuSeconds: round(serverCpu, 2), submitSeconds: round(submitSeconds, 1), submitsPerSecond: round(JOBS / submitSeconds, 1) },
      },
      {
        id: `worker-cpu-per-job-${dialect.toLowerCase()}`,
        name: `worker CPU per job in flight, ${JOBS.toLocaleString("en")} in flight (${dialect})`,
        value: round(perJobMsPerS, 4),
        unit: "ms CPU/job/s",
        target: "report",
        pass: true,
        details: { ...common, windowSeconds: round(windowSeconds, 1), workerCpuSecondsInWindow: round(windowCpu, 3), percentOfACorePerJob: round(perJobMsPerS / 10, 5), workerCpuMsPerSubmit: round((submitCpu * 1000) / JOBS, 2), cadence: PRODUCTION_CADENCE },
      },
    ];
  } finally {
    await Promise.all(workers.map((w) => w.stop()));
    await closeDb(db);
    await server.stop();
  }
}
