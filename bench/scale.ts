/**
 * Scale-out measurements, on Postgres when the run has one (DATABASE_URL, as under
 * `node scripts/pg-test-server.mjs -- …`), else on SQLite:
 * - a gallery of 100,000 jobs: p50/p95 of the list query (in process), GET /api/jobs and the
 *   server-rendered /gallery page (production server, signed in);
 * - 1,000 jobs in flight at a loopback ModelsLab fake: submit throughput of two workers on one
 *   database, and how many jobs the fake saw more than once (must be 0);
 * - signed local-render webhooks applied per second by one production server, then by two behind
 *   the same database (the ratio; on two shared cores it says more about the machine than the app).
 */
import { randomBytes } from "node:crypto";
import path from "node:path";
import { closeDb, openDb, type Db } from "../lib/db/client";
import { getJob, listJobs } from "../lib/db/queries/jobs";
import type { NewJob } from "../lib/db/schema";
import { resetEnvCache } from "../lib/env";
import { localWebhookSecret } from "../lib/providers/local/adapter";
import { signedHeaders } from "../lib/webhooks/standard-webhooks";
import { startModelslabFake } from "../e2e/fakes/modelslab";
import { startServer, waitFor, type Server } from "../e2e/support/app-server";
import { actionFields, postForm } from "../e2e/support/form-post";
import { databaseTarget, insertUser, jobRow, tempDataDir } from "../e2e/support/test-db";
import { freshPostgresDatabase, testPostgresUrl } from "../e2e/support/test-postgres";
import { onCleanup, round, type Measurement } from "./util";

const GALLERY_JOBS = 100_000;
const IN_FLIGHT_JOBS = 1_000;
const WEBHOOKS = 600;
const WEBHOOK_CONCURRENCY = 8;
const APP_SECRET = "bench-scale-secret-0123456789abcdefghijkl";

const dialect = () => (testPostgresUrl() ? "Postgres" : "SQLite");

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!, 1);
}

async function samples(n: number, fn: () => Promise<unknown>): Promise<number[]> {
  // Warm-up, not counted; tried twice, since a keep-alive socket left idle through the seeding may
  // have been closed by the server just as it is reused ("other side closed").
  await fn().catch(() => fn());
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return out;
}

async function insertMany(db: Db, rows: NewJob[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await db.orm.insert(db.t.jobs).values(rows.slice(i, i + 500));
}

/** Signs up through the real form; returns the session cookie. */
async function signUpCookie(server: Server): Promise<string> {
  const fields = await actionFields(server.url, "/sign-up");
  const answer = await postForm(server.url, "/sign-up", { ...fields, name: "Bench", email: `bench-${randomBytes(4).toString("hex")}@example.com`, password: "bench password 123" });
  const raw = answer.headers["set-cookie"];
  const cookies = (Array.isArray(raw) ? raw : [raw ?? ""]).map((c) => c.split(";")[0]!).filter(Boolean);
  if (!cookies.length) throw new Error(`sign-up gave no session (${answer.status})`);
  return cookies.join("; ");
}

async function userIdOf(db: Db): Promise<string> {
  const [row] = await db.orm.select({ id: db.t.user.id }).from(db.t.user).limit(1);
  if (!row) throw new Error("no user after sign-up");
  return row.id;
}

async function fetchOk(server: Server, pathname: string, cookie: string): Promise<void> {
  const res = await fetch(`${server.url}${pathname}`, { headers: { cookie }, signal: AbortSignal.timeout(60_000) }).catch((err: unknown) => {
    throw new Error(`GET ${pathname} failed (${String((err as Error).cause ?? err)}); the server said:\n${server.output().slice(-3000)}`);
  });
  if (res.status !== 200) throw new Error(`GET ${pathname} answered ${res.status}`);
  await res.arrayBuffer();
}

export async function benchGallery100k(): Promise<Measurement[]> {
  const server = await startServer({ env: { WORKER: "off", APP_SECRET } });
  onCleanup(() => server.kill());
  const db = await openDb(databaseTarget(server.dataDir), { poolMax: 4 });
  try {
    const cookie = await signUpCookie(server);
    const userId = await userIdOf(db);
    const now = Date.now();
    const t0 = performance.now();
    const rows = Array.from({ length: GALLERY_JOBS }, (_, i) =>
      jobRow({ userId, status: i % 10 === 0 ? "failed" : "succeeded", prompt: `a lighthouse at dusk, take ${i}`, createdAt: now - i * 1000, updatedAt: now - i * 1000, nextCheckAt: now + 365 * 86_400_000 }),
    );
    await insertMany(db, rows);
    const seedSeconds = round((performance.now() - t0) / 1000, 1);
    const query = await samples(30, () => listJobs(db, { userId, limit: 30 }));
    const search = await samples(30, () => listJobs(db, { userId, limit: 30, search: "lighthouse take 4242" }));
    const apiList = await samples(20, () => fetchOk(server, "/api/jobs", cookie));
    const page = await samples(20, () => fetchOk(server, "/gallery", cookie));
    const details = { dialect: dialect(), jobs: GALLERY_JOBS, seedSeconds };
    return [
      { id: "gallery-100k-query", name: `gallery list query, ${GALLERY_JOBS.toLocaleString("en")} jobs (${dialect()}), p50`, value: percentile(query, 50), unit: "ms", target: "report", pass: true, details: { ...details, p95: percentile(query, 95), searchP50: percentile(search, 50), searchP95: percentile(search, 95) } },
      { id: "gallery-100k-api", name: `GET /api/jobs, ${GALLERY_JOBS.toLocaleString("en")} jobs (${dialect()}), p50`, value: percentile(apiList, 50), unit: "ms", target: "report", pass: true, details: { ...details, p95: percentile(apiList, 95) } },
      { id: "gallery-100k-page", name: `GET /gallery (server-rendered), ${GALLERY_JOBS.toLocaleString("en")} jobs (${dialect()}), p50`, value: percentile(page, 50), unit: "ms", target: "report", pass: true, details: { ...details, p95: percentile(page, 95) } },
    ];
  } finally {
    await closeDb(db);
    await server.stop();
  }
}

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

export async function benchTwoServers(): Promise<Measurement> {
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
      id: "webhooks-two-servers",
      name: `signed webhooks applied per second, two servers ÷ one (${dialect()})`,
      value: round(two / one, 2),
      unit: "×",
      target: "report (≥ 1.6 needs a core per server)",
      pass: true,
      details: { dialect: dialect(), oneServerPerSecond: round(one, 1), twoServersPerSecond: round(two, 1), webhooks: WEBHOOKS, concurrency: WEBHOOK_CONCURRENCY },
    };
  } finally {
    await closeDb(db);
    await a.stop();
  }
}

/** All three measurements, or only those whose ids are given. */
export async function benchScale(only: readonly string[] = []): Promise<Measurement[]> {
  const results: Measurement[] = [];
  const attempt = async (id: string, name: string, fn: () => Promise<Measurement | Measurement[]>) => {
    if (only.length && !only.includes(id)) return;
    try {
      const got = await fn();
      results.push(...(Array.isArray(got) ? got : [got]));
    } catch (err) {
      results.push({ id, name, value: null, unit: "", target: "report", pass: false, details: {}, error: err instanceof Error ? err.stack ?? err.message : String(err) });
    }
  };
  await attempt("gallery-100k", "gallery with 100,000 jobs", benchGallery100k);
  await attempt("inflight-1000", "1,000 jobs in flight", benchInFlight);
  await attempt("webhooks-two-servers", "webhooks, two servers ÷ one", benchTwoServers);
  return results;
}
