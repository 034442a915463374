/**
 * The conformance suite's real parts: a SQLite file in a temp DATA_DIR, the app's own
 * create/cancel/apply-update code, the real worker (in this process, or as `npm run worker`),
 * and the real webhook route behind a loopback server that PUBLIC_URL and INTERNAL_URL point at.
 */
import { randomBytes } from "node:crypto";
import fsp from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { GET as inputRoute, HEAD as inputHead } from "../../app/api/inputs/[jobId]/[expiry]/[sig]/route";
import { POST as webhookRoute } from "../../app/api/webhooks/[provider]/route";
import { db } from "../../lib/db/client";
import { getJob } from "../../lib/db/queries/jobs";
import type { Job } from "../../lib/db/schema";
import { resetEnvCache } from "../../lib/env";
import { createJob } from "../../lib/jobs/create-job";
import { isTerminal } from "../../lib/jobs/states";
import { probe } from "../../lib/media/probe";
import { refreshCatalogs } from "../../lib/providers/catalog-refresh";
import { getProvider } from "../../lib/providers/registry";
import type { ProviderJobRef, ProviderUpdate, VideoProvider } from "../../lib/providers/types";
import { storage } from "../../lib/storage";
import { Worker } from "../../lib/worker/worker";
import { waitFor } from "../support/app-server";
import { startRouteServer, type RouteServer } from "../support/route-server";
import { databaseFor, tempDataDir } from "../support/test-db";
import type { ConformanceFake, ConformanceTarget } from "./target";

/** `[fake:slow]` in the suite: long enough to see progress and cancel, short enough to wait for its end. */
export const SLOW_MS = 3000;
/** Bounds, not expectations: a busy CI machine may be slow, a broken adapter still fails. */
export const WAIT_MS = 45_000;
const USER = "conformance";

/** Fast cadences and a fixed secret, so a worker process started later agrees with this one. */
const SETTINGS: Record<string, string> = {
  APP_SECRET: `conformance-${randomBytes(24).toString("hex")}`,
  WORKER_TICK_MS: "50",
  POLL_MIN_MS: "150",
  POLL_MAX_MS: "600",
  // Short enough that a killed worker's job is picked up soon, long enough for a slow step on a busy machine.
  WORKER_LEASE_MS: "5000",
};

export interface Harness {
  fake: ConformanceFake;
  server: RouteServer;
  provider: VideoProvider;
  worker: Worker | null;
}

export async function setUp(target: ConformanceTarget): Promise<Harness & { restore(): Promise<void> }> {
  const saved = { ...process.env };
  const fake = await target.startFake({ slowMs: SLOW_MS });
  type InputParams = { params: Promise<{ jobId: string; expiry: string; sig: string }> };
  const server = await startRouteServer([
    { method: "POST", path: "/api/webhooks/:provider", handler: (req, ctx) => webhookRoute(req, ctx as { params: Promise<{ provider: string }> }) },
    // Signed input-image links (ctx.imageUrl): a fake for a provider that takes images by URL fetches them here.
    { method: "GET", path: "/api/inputs/:jobId/:expiry/:sig", handler: (req, ctx) => inputRoute(req, ctx as InputParams) },
    { method: "HEAD", path: "/api/inputs/:jobId/:expiry/:sig", handler: (req, ctx) => inputHead(req, ctx as InputParams) },
  ]);
  const dataDir = tempDataDir("dailies-conformance-");
  // Under `npm run test:scale`, a Postgres database of its own (DATABASE_URL), as a fresh install would have.
  Object.assign(process.env, SETTINGS, fake.env, { DATA_DIR: dataDir, PUBLIC_URL: server.url, INTERNAL_URL: server.url }, await databaseFor(dataDir));
  resetEnvCache();
  const provider = getProvider(target.provider);
  if (!provider) throw new Error(`No provider ${target.provider} in the registry.`);
  if (!provider.isConfigured()) throw new Error(`${target.provider} is not configured by its fake's env: ${Object.keys(fake.env).join(", ")}`);
  // Providers that list their models: the fake's list, merged, as a started server would have it.
  const listed = await refreshCatalogs(await db(), { force: true });
  const failed = listed.find((o) => o.provider === target.provider && o.result === "failed");
  if (failed) throw new Error(`${target.provider}'s model list could not be read from its fake: ${failed.error}`);
  return {
    fake,
    server,
    provider,
    worker: null,
    async restore() {
      await Promise.all([fake.close(), server.close()]);
      process.env = saved;
      resetEnvCache();
    },
  };
}

export async function startInProcessWorker(): Promise<Worker> {
  const worker = new Worker(await db());
  worker.start();
  return worker;
}

/** A unique word for one case: its prompt carries it, so counts at a shared fake stay apart. */
export const newTag = () => `case${randomBytes(5).toString("hex")}`;

export function promptWith(tag: string, marker?: string): string {
  return `A lighthouse at dusk, the camera slowly dollies in ${tag}${marker ? ` [fake:${marker}]` : ""}`;
}

export async function create(model: string, fields: Record<string, unknown>, image: Buffer | null = null): Promise<Job> {
  const result = await createJob(await db(), { fields: { model, ...fields }, image, userId: USER });
  if (!result.ok) throw new Error(`createJob refused: ${result.error.message}`);
  return result.value;
}

export async function row(id: string): Promise<Job> {
  const job = await getJob(await db(), id);
  if (!job) throw new Error(`job ${id} is gone`);
  return job;
}

export async function rowWhere(id: string, test: (job: Job) => boolean, timeoutMs = WAIT_MS): Promise<Job> {
  let last: Job | undefined;
  await waitFor(async () => test((last = await row(id))), timeoutMs, () => `job ${id}: ${JSON.stringify(last && { status: last.status, error: last.errorMessage })}`);
  return last!;
}

export const finished = (id: string, timeoutMs = WAIT_MS) => rowWhere(id, (j) => isTerminal(j.status), timeoutMs);

export function refOf(job: Job): ProviderJobRef {
  if (!job.providerJobId) throw new Error(`job ${job.id} was never submitted`);
  return { providerJobId: job.providerJobId, providerData: job.providerData ?? null };
}

/** Asks the adapter itself (real HTTP to the fake) until its answer passes `test`. */
export async function providerSays(provider: VideoProvider, ref: ProviderJobRef, test: (u: ProviderUpdate) => boolean): Promise<ProviderUpdate> {
  let last: ProviderUpdate | undefined;
  await waitFor(async () => test((last = await provider.poll(ref))), WAIT_MS, () => `provider says ${JSON.stringify(last && { ...last, raw: undefined })}`);
  return last!;
}

/** The stored video, probed with the app's ffprobe wrapper. */
export async function probeStored(videoKey: string) {
  const bytes = await storage().read(videoKey);
  if (!bytes) throw new Error(`no stored file ${videoKey}`);
  const file = path.join(process.env.DATA_DIR!, `probe-${randomBytes(4).toString("hex")}.mp4`);
  await fsp.writeFile(file, bytes);
  try {
    return await probe(file);
  } finally {
    await fsp.rm(file, { force: true });
  }
}

export function stillImage(): Promise<Buffer> {
  return sharp({ create: { width: 640, height: 360, channels: 3, background: "#336699" } }).png().toBuffer();
}

/** What our webhook route answered to deliveries for this job (`?job=` is on every callback URL). */
export function routeAnswersFor(server: RouteServer, jobId: string) {
  return server.answers.filter((a) => a.url.pathname.startsWith("/api/webhooks/") && a.url.searchParams.get("job") === jobId);
}
