/**
 * Scale-out measurements (step 8 of `npm run bench`; `bench/run-scale.ts` runs them alone):
 * - gallery-100k: a gallery of 100,000 jobs, list and search p50, LCP (bench/gallery-100k.ts), on
 *   the run's dialect (Postgres under `node scripts/pg-test-server.mjs -- …`, else SQLite);
 * - inflight-1000: 1,000 jobs sent to a loopback ModelsLab fake by two in-process workers on one
 *   database: submit throughput, and how many jobs the fake saw more than once (must be 0);
 * - webhooks-inflight-1000: 1,000 jobs in flight at a fake with signed webhooks, completions
 *   applied per second and worker CPU per job in flight (bench/webhooks-inflight.ts), on SQLite and Postgres;
 * - webhooks-two-servers: signed local-render webhooks applied per second by one production
 *   server, then by two behind the same database (the ratio; on two shared cores it says more
 *   about the machine than the app), on SQLite and Postgres.
 */
import { randomBytes } from "node:crypto";
import path from "node:path";
import { closeDb, openDb, type Db } from "../lib/db/client";
import { getJob } from "../lib/db/queries/jobs";
import { resetEnvCache } from "../lib/env";
import { localWebhookSecret } from "../lib/providers/local/adapter";
import { signedHeaders } from "../lib/webhooks/standard-webhooks";
import { startModelslabFake } from "../e2e/fakes/modelslab";
import { startServer, waitFor, type Server } from "../e2e/support/app-server";
import { databaseTarget, insertUser, jobRow, tempDataDir } from "../e2e/support/test-db";
import { freshPostgresDatabase, testPostgresUrl } from "../e2e/support/test-postgres";
import { onEachDialect, type DialectName } from "./dialects";
import { benchGallery100k } from "./gallery-100k";
import { APP_SECRET, dialect, insertMany } from "./scale-support";
import { onCleanup, round, type Measurement } from "./util";
import { benchWebhooksInFlight } from "./webhooks-inflight";

const IN_FLIGHT_JOBS = 1_000;
const WEBHOOKS = 600;
const WEBHOOK_CONCURRENCY = 8;

async function benchDb(): Promise<Db> {
  return openDb(testPostgresUrl() ? await freshPostgresDatabase() : path.join(tempDataDir("dailies-bench-inflight-"), "dailies.db"), { poolMax: 8 });
}

export async function benchInFlight(): Promise<Measurement> {
  // The fake holds every job "running" for an hour: all 1,000 stay in flight while they are sent.
  const fake = await startModelslabFake({ queueCap: IN_FLIGHT_JOBS * 2, timings: { queuedMs: 10, runningMs: 3_600_000 }, webhooks: false });
  onCleanup(() => fake.close());
  Object.assign(process.env, fake.env, { MODELSLAB_MAX_IN_FLIGHT: String(IN_FLIGHT_JOBS * 2), WORKER_TICK_MS: "20", POLL_MIN_MS: "60000", POLL_MAX_MS: "60000", DATA_DIR: tempDataDir("dailies-bench-inflight-data-") });
  resetEnvCache();
  const db = await benchDb();
  const { Worker } = await import("../lib/worker/worker");
  const workers = [new Worker(db), new Worker(db)];
  try {
    const now = Date.now();
    const { id: userId } = await insertUser(db);
    const ids: string[] = [];
    const rows = Array.from({ length: IN_FLIGHT_JOBS }, (_, i) => {
      const row = jobRow({ userId, model: "modelslab:veo-3.1-fast", prompt: `tide pools, take ${i}`, durationSeconds: 8, resolution: "720p", nextCheckAt: now, createdAt: now, updatedAt: now });
      ids.push(row.id);
      return row;
    });
    await insertMany(db, rows);
    const t0 = performance.now();
    for (const w of workers) w.start();
    await waitFor(() => fake.submissions.length >= IN_FLIGHT_JOBS, 600_000, () => `${fake.submissions.length} of ${IN_FLIGHT_JOBS} submitted`);
    const seconds = (performance.now() - t0) / 1000;
    await Promise.all(workers.map((w) => w.stop()));
    const prompts = fake.submissions.map((s) => String(s.body.prompt));
    const duplicates = prompts.length - new Set(prompts).size;
    const notSent = (await Promise.all(ids.map((id) => getJob(db, id)))).filter((j) => j?.status === "queued").length;
    return {
      id: "inflight-1000",
      name: `${IN_FLIGHT_JOBS.toLocaleString("en")} jobs sent to a loopback fake by 2 workers (${dialect()}): submits per second`,
      value: round(IN_FLIGHT_JOBS / seconds, 1),
      unit: "jobs/s",
      target: "0 duplicate submissions",
      pass: duplicates === 0 && notSent === 0,
      details: { dialect: dialect(), seconds: round(seconds, 1), duplicates, notSent, refused: fake.attempts.filter((a) => a.status !== 200).length },
    };
  } finally {
    await Promise.all(workers.map((w) => w.stop()));
    await closeDb(db);
  }
}

/** Posts `n` signed progress webhooks for the running jobs, round-robin over the servers; webhooks per second. */
async function postWebhooks(servers: Server[], renders: string[], n: number, from: number): Promise<number> {
  let next = 0;
  let failed = 0;
  const t0 = performance.now();
  const one = async () => {
    for (let i = next++; i < n; i = next++) {
      const renderId = renders[i % renders.length]!;
      const body = JSON.stringify({ renderId, status: "running", progress: Math.min(0.99, (from + i + 1) / (3 * n)), etaSeconds: null, message: null, errorCode: null });
      const id = `msg_${randomBytes(12).toString("base64url")}`;
      const server = servers[i % servers.length]!;
      const res = await fetch(`${server.url}/api/webhooks/local`, { method: "POST", headers: { "content-type": "application/json", ...signedHeaders(localWebhookSecret(), id, body) }, body });
      await res.arrayBuffer();
      if (!res.ok) failed++;
    }
  };
  await Promise.all(Array.from({ length: WEBHOOK_CONCURRENCY }, one));
  if (failed) throw new Error(`${failed} of ${n} webhooks were not accepted`);
  return n / ((performance.now() - t0) / 1000);
}

export async function benchTwoServers(dialect: DialectName): Promise<Measurement> {
  process.env.APP_SECRET = APP_SECRET;
  resetEnvCache();
  const a = await startServer({ env: { WORKER: "off", APP_SECRET } });
  onCleanup(() => a.kill());
  const db = await openDb(databaseTarget(a.dataDir), { poolMax: 2 });
  try {
    const now = Date.now();
    const { id: userId } = await insertUser(db);
    const renders = Array.from({ length: 100 }, () => `lr_${randomBytes(16).toString("base64url")}`);
    await insertMany(db, renders.map((providerJobId) => jobRow({ userId, status: "running", providerJobId, submittedAt: now, nextCheckAt: now + 3_600_000 })));
    await postWebhooks([a], renders, 50, 0); // warm-up
    const one = await postWebhooks([a], renders, WEBHOOKS, 50);
    const b = await startServer({ dataDir: a.dataDir, env: { WORKER: "off", APP_SECRET } });
    onCleanup(() => b.kill());
    await postWebhooks([b], renders, 50, 50 + WEBHOOKS); // warm-up
    const two = await postWebhooks([a, b], renders, WEBHOOKS, 100 + WEBHOOKS);
    await b.stop();
    return {
      id: `webhooks-two-servers-${dialect.toLowerCase()}`,
      name: `signed webhooks applied per second, two servers ÷ one (${dialect})`,
      value: round(two / one, 2),
      unit: "×",
      target: "report (≥ 1.6 needs a core per server)",
      pass: true,
      details: { dialect, oneServerPerSecond: round(one, 1), twoServersPerSecond: round(two, 1), webhooks: WEBHOOKS, concurrency: WEBHOOK_CONCURRENCY },
    };
  } finally {
    await closeDb(db);
    await a.stop();
  }
}

/** The steps, by id (what `bench/run-scale.ts` takes as arguments). */
export const SCALE_STEPS = ["gallery-100k", "inflight-1000", "webhooks-inflight-1000", "webhooks-two-servers"] as const;

/** Every step, or only those whose ids are given. */
export async function benchScale(only: readonly string[] = []): Promise<Measurement[]> {
  const unknown = only.filter((id) => !(SCALE_STEPS as readonly string[]).includes(id));
  if (unknown.length) throw new Error(`unknown scale step(s) ${unknown.join(", ")}; the steps are ${SCALE_STEPS.join(", ")}`);
  const results: Measurement[] = [];
  const attempt = async (id: (typeof SCALE_STEPS)[number], name: string, fn: () => Promise<Measurement | Measurement[]>) => {
    if (only.length && !only.includes(id)) return;
    try {
      const got = await fn();
      results.push(...(Array.isArray(got) ? got : [got]));
    } catch (err) {
      results.push({ id, name, value: null, unit: "", target: "report", pass: false, details: {}, error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
    }
  };
  await attempt("gallery-100k", "gallery with 100,000 jobs", benchGallery100k);
  await attempt("inflight-1000", "1,000 jobs in flight", benchInFlight);
  await attempt("webhooks-inflight-1000", "1,000 jobs in flight with webhooks", () =>
    onEachDialect({ id: "webhooks-inflight-1000", name: "1,000 jobs in flight at a fake with signed webhooks" }, benchWebhooksInFlight),
  );
  await attempt("webhooks-two-servers", "webhooks, two servers ÷ one", () =>
    onEachDialect({ id: "webhooks-two-servers", name: "signed webhooks applied per second, two servers ÷ one" }, benchTwoServers),
  );
  return results;
}
