import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { tempDataDir, tempDb } from "../../e2e/support/test-db";
import type { Db } from "../db/client";
import { writeHeartbeat } from "../db/queries/heartbeats";
import { resetEnvCache } from "../env";
import { healthReport, WORKER_STALE_MS } from "./health";

let db: Db;
const T0 = 1_800_000_000_000;
const diskOk = async () => undefined;

beforeEach(async () => {
  vi.stubEnv("DATA_DIR", tempDataDir());
  resetEnvCache();
  db = await tempDb();
});
afterEach(() => {
  vi.unstubAllEnvs();
  resetEnvCache();
});

const beat = (beatAt: number) => writeHeartbeat(db, { workerId: "w1", pid: 1, host: "h", startedAt: T0, beatAt });

describe("healthReport", () => {
  it("is healthy for a server that just started, before any worker has beaten", async () => {
    const r = await healthReport({ db, now: T0 + 5_000, startedAt: T0, embedded: false, checkStorage: diskOk });
    expect(r.ok).toBe(true);
    expect(r.worker).toMatchObject({ ok: true, mode: "separate", lastHeartbeatAt: null });
  });

  it("reports the last heartbeat, and calls a worker silent for more than a minute stale", async () => {
    await beat(T0 + 10_000);
    const fresh = await healthReport({ db, now: T0 + 20_000, startedAt: T0, embedded: true, checkStorage: diskOk });
    expect(fresh.ok).toBe(true);
    expect(fresh.worker).toMatchObject({ ok: true, lastHeartbeatAt: new Date(T0 + 10_000).toISOString(), secondsSinceHeartbeat: 10 });

    const stale = await healthReport({ db, now: T0 + 10_000 + WORKER_STALE_MS + 1, startedAt: T0, embedded: true, checkStorage: diskOk });
    expect(stale.ok).toBe(false);
    expect(stale.worker.ok).toBe(false);
    expect(stale.worker.error).toMatch(/has not ticked for 60 s/);
    expect(stale.database.ok).toBe(true);
  });

  it("is unhealthy a minute after start when no worker ever ran", async () => {
    const r = await healthReport({ db, now: T0 + WORKER_STALE_MS + 1, startedAt: T0, embedded: false, checkStorage: diskOk });
    expect(r.ok).toBe(false);
    expect(r.worker.error).toMatch(/npm run worker/);
  });

  it("gives a restarted server a minute even when the old heartbeat is old", async () => {
    await beat(T0);
    const r = await healthReport({ db, now: T0 + 3_600_000 + 1_000, startedAt: T0 + 3_600_000, embedded: false, checkStorage: diskOk });
    expect(r.worker.ok).toBe(true);
    expect(r.worker.secondsSinceHeartbeat).toBe(3601);
  });

  it("reports storage that cannot be reached without hiding the rest", async () => {
    await beat(T0);
    const r = await healthReport({
      db,
      now: T0 + 1_000,
      startedAt: T0,
      embedded: true,
      checkStorage: () => Promise.reject(new Error("EACCES: permission denied, access '/secret/path'")),
    });
    expect(r.ok).toBe(false);
    expect(r.storage.ok).toBe(false);
    expect(r.storage.error).not.toContain("/secret/path");
    expect(r.database.ok).toBe(true);
    expect(r.worker.ok).toBe(true);
  });
});
