import "server-only";
import fsp from "node:fs/promises";
import { db as appDb, pingDb, type Db } from "../db/client";
import { latestHeartbeat } from "../db/queries/heartbeats";
import { env } from "../env";
import { logger } from "../log/logger";
import { storage, storageConfig } from "../storage";

/** A worker silent for longer than this is reported stale and /api/health answers 503. */
export const WORKER_STALE_MS = 60_000;
/** A bucket is asked at most this often; a disk check is a local access() call every time. */
const STORAGE_CHECK_TTL_MS = 30_000;
const log = logger("health");

export interface Check {
  ok: boolean;
  /** A sentence when not ok. */
  error?: string;
}

export interface HealthReport {
  ok: boolean;
  database: Check;
  storage: Check & { driver: "disk" | "s3" };
  worker: Check & {
    /** Where the loop runs: in this server, or as `npm run worker` (WORKER=off). */
    mode: "embedded" | "separate";
    lastHeartbeatAt: string | null;
    secondsSinceHeartbeat: number | null;
  };
}

export interface HealthInputs {
  db: Db;
  now: number;
  /** When this server process started: a worker gets a minute from then to beat for the first time. */
  startedAt: number;
  embedded: boolean;
  checkStorage: () => Promise<void>;
}

/** Database, storage and worker, each checked on its own so one failure does not hide the others. */
export async function healthReport(i: HealthInputs): Promise<HealthReport> {
  const [database, store, beat] = await Promise.all([
    check(() => pingDb(i.db), "The database did not answer"),
    check(i.checkStorage, "Storage is not reachable"),
    latestHeartbeat(i.db).catch(() => undefined),
  ]);
  const lastBeat = beat?.beatAt ?? null;
  // A server that just started has not heard from a separate worker yet: it gets a minute, as a beating worker would.
  const silentFor = i.now - Math.max(lastBeat ?? 0, i.startedAt);
  const workerOk = database.ok && silentFor <= WORKER_STALE_MS;
  const worker: HealthReport["worker"] = {
    ok: workerOk,
    mode: i.embedded ? "embedded" : "separate",
    lastHeartbeatAt: lastBeat === null ? null : new Date(lastBeat).toISOString(),
    secondsSinceHeartbeat: lastBeat === null ? null : Math.max(0, Math.round((i.now - lastBeat) / 1000)),
  };
  if (!workerOk)
    worker.error =
      lastBeat === null
        ? "No worker has run yet: start one with `npm run worker`, or unset WORKER=off."
        : `The worker has not ticked for ${Math.round((i.now - lastBeat) / 1000)} s.`;
  return {
    ok: database.ok && store.ok && workerOk,
    database,
    storage: { ...store, driver: storageConfig().driver },
    worker,
  };
}

/** The public answer says what is down; the log says why (paths and hosts stay out of the answer). */
async function check(fn: () => Promise<unknown>, sentence: string): Promise<Check> {
  try {
    await fn();
    return { ok: true };
  } catch (err) {
    log.error(sentence, { err });
    return { ok: false, error: `${sentence}; the server log says why.` };
  }
}

const holder = globalThis as typeof globalThis & { __dailiesStorageCheck?: { at: number; result: Promise<void> } };

/** The configured store answers: the data directory is readable and writable, or the bucket answers a HEAD. */
export function checkConfiguredStorage(now = Date.now()): Promise<void> {
  const config = storageConfig();
  if (config.driver === "disk") return fsp.access(config.root, fsp.constants.R_OK | fsp.constants.W_OK);
  const cached = holder.__dailiesStorageCheck;
  if (cached && now - cached.at < STORAGE_CHECK_TTL_MS) return cached.result;
  // Any missing key will do: a 404 proves the bucket and the credentials work.
  const result = storage()
    .stat("videos/health-check.mp4")
    .then(() => undefined);
  holder.__dailiesStorageCheck = { at: now, result };
  return result;
}

/** The report for this server process. */
export async function serverHealth(): Promise<HealthReport> {
  const now = Date.now();
  let database: Db;
  try {
    database = await appDb();
  } catch (err) {
    log.error("The database could not be opened", { err });
    const error = "The database could not be opened; the server log says why.";
    return {
      ok: false,
      database: { ok: false, error },
      storage: { ok: false, driver: storageConfig().driver, error: "Not checked: the database is down." },
      worker: { ok: false, mode: env().WORKER === "off" ? "separate" : "embedded", lastHeartbeatAt: null, secondsSinceHeartbeat: null, error: "Not checked: the database is down." },
    };
  }
  return healthReport({ db: database, now, startedAt: now - process.uptime() * 1000, embedded: env().WORKER !== "off", checkStorage: () => checkConfiguredStorage(now) });
}
