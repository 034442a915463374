/**
 * /api/health and /api/metrics on the real route handlers, in process, with a real SQLite file:
 * the embedded worker's heartbeat reaches health, metrics are the owner's alone, and what
 * metrics says is counted from real provider calls and real webhook deliveries.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as health } from "../app/api/health/route";
import { GET as metricsRoute } from "../app/api/metrics/route";
import { POST as webhook } from "../app/api/webhooks/[provider]/route";
import { createApiToken } from "../lib/auth/api-tokens";
import { claimOwnership } from "../lib/auth/instance";
import { db } from "../lib/db/client";
import { resetEnvCache } from "../lib/env";
import { createClient } from "../lib/providers/kit/client";
import { ProviderError } from "../lib/providers/kit/errors";
import { startWorker, stopWorker } from "../lib/worker";
import { bearer } from "./support/seed-user";
import { databaseFor, insertUser, seedJob, tempDataDir } from "./support/test-db";

const savedEnv = { ...process.env };
let owner: { authorization: string };
let stranger: { authorization: string };

beforeAll(async () => {
  const dataDir = tempDataDir("dailies-ops-metrics-");
  // Under test:scale the studio's database is a fresh Postgres one, as for a started server.
  Object.assign(process.env, { DATA_DIR: dataDir, WORKER_TICK_MS: "100", ...(await databaseFor(dataDir)) });
  resetEnvCache();
  const database = await db();
  const o = await insertUser(database, { name: "Owner" });
  await claimOwnership(database, o.id);
  owner = bearer((await createApiToken(database, o.id, "prometheus"))!.token);
  const s = await insertUser(database, { name: "Someone" });
  stranger = bearer((await createApiToken(database, s.id, "script"))!.token);
});

afterAll(async () => {
  await stopWorker();
  process.env = savedEnv;
  resetEnvCache();
});

const scrape = async (headers: Record<string, string> = owner) => metricsRoute(new Request("http://studio.test/api/metrics", { headers }));

/** The value of one sample line, or undefined. */
function sample(text: string, series: string): number | undefined {
  const line = text.split("\n").find((l) => l.startsWith(series + " "));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe("/api/health", () => {
  it("reports the database, the storage and the embedded worker's heartbeat", async () => {
    await startWorker();
    const res = await health();
    expect(res.status).toBe(200);
    const body = (await res.json()) as { ok: boolean; database: { ok: boolean }; storage: { ok: boolean; driver: string }; worker: { ok: boolean; mode: string; lastHeartbeatAt: string | null } };
    expect(body.ok).toBe(true);
    expect(body.database.ok).toBe(true);
    expect(body.storage).toMatchObject({ ok: true, driver: "disk" });
    expect(body.worker).toMatchObject({ ok: true, mode: "embedded" });
    expect(body.worker.lastHeartbeatAt).not.toBeNull();
    expect(res.headers.get("cache-control")).toBe("no-store");
  });
});

describe("/api/metrics", () => {
  it("is for the owner only", async () => {
    expect((await scrape({})).status).toBe(401);
    const refused = await scrape(stranger);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/Only the owner/);
  });

  it("counts jobs by state and provider, the queue's age and the bytes stored", async () => {
    const database = await db();
    await seedJob(database, { userId: "u1", status: "succeeded", videoKey: "videos/aaaaaaaaaa.mp4", videoBytes: 1000, provider: "local" });
    await seedJob(database, { userId: "u1", status: "succeeded", videoKey: "videos/bbbbbbbbbb.mp4", videoBytes: 500, provider: "local" });
    await seedJob(database, { userId: "u1", status: "failed", model: "replicate:x" });
    // far in the future, so the running worker leaves it queued
    await seedJob(database, { userId: "u1", status: "queued", model: "replicate:x", createdAt: Date.now() - 90_000, nextCheckAt: Date.now() + 3_600_000 });
    const res = await scrape();
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    expect(sample(text, 'dailies_jobs{state="succeeded",provider="local"}')).toBe(2);
    expect(sample(text, 'dailies_jobs{state="failed",provider="replicate"}')).toBe(1);
    expect(sample(text, 'dailies_jobs{state="queued",provider="replicate"}')).toBe(1);
    expect(sample(text, 'dailies_queue_age_seconds{provider="replicate"}')).toBeGreaterThanOrEqual(90);
    expect(sample(text, "dailies_stored_video_bytes")).toBe(1500);
    expect(sample(text, "dailies_stored_videos")).toBe(2);
    expect(sample(text, "dailies_worker_heartbeat_age_seconds")).toBeLessThan(60);
  });

  it("times provider calls and counts their errors, through the kit client", async () => {
    let calls = 0;
    const server = http.createServer((req, res) => {
      calls++;
      if (req.url === "/ok") res.writeHead(200, { "content-type": "application/json" }).end("{}");
      else res.writeHead(429, { "retry-after": "3" }).end('{"error":"slow down"}');
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const client = createClient({ service: "Metered", provider: "metered", baseUrl: () => base, auth: { kind: "bearer", token: () => "k" }, keyHint: "METERED_KEY" });
      await client.json("GET", "/ok", { what: "test call" });
      await client.json("GET", "/ok", { what: "test call" });
      await expect(client.json("GET", "/busy", { what: "test call" })).rejects.toBeInstanceOf(ProviderError);
      const dead = createClient({ service: "Metered", provider: "metered", baseUrl: () => "http://127.0.0.1:1", auth: { kind: "bearer", token: () => "k" }, keyHint: "METERED_KEY" });
      await expect(dead.json("GET", "/ok", { what: "test call" })).rejects.toBeInstanceOf(ProviderError);
    } finally {
      server.close();
    }
    expect(calls).toBe(3);
    const text = await (await scrape()).text();
    expect(sample(text, 'dailies_provider_request_duration_seconds_count{provider="metered"}')).toBe(4);
    expect(sample(text, 'dailies_provider_requests_total{provider="metered",status="200"}')).toBe(2);
    expect(sample(text, 'dailies_provider_requests_total{provider="metered",status="429"}')).toBe(1);
    expect(sample(text, 'dailies_provider_requests_total{provider="metered",status="error"}')).toBe(1);
    expect(sample(text, 'dailies_provider_errors_total{provider="metered",code="rate_limited"}')).toBe(1);
    expect(sample(text, 'dailies_provider_errors_total{provider="metered",code="provider_error"}')).toBe(1);
  });

  it("counts incoming webhook verifications by result", async () => {
    const forged = () =>
      webhook(
        new Request("http://studio.test/api/webhooks/local", {
          method: "POST",
          headers: { "content-type": "application/json", "webhook-id": "msg_1", "webhook-timestamp": String(Math.floor(Date.now() / 1000)), "webhook-signature": "v1,AAAA" },
          body: "{}",
        }),
        { params: Promise.resolve({ provider: "local" }) },
      );
    expect((await forged()).status).toBe(401);
    expect((await forged()).status).toBe(401);
    const unknown = await webhook(new Request("http://studio.test/api/webhooks/nope", { method: "POST", body: "{}" }), { params: Promise.resolve({ provider: "nope" }) });
    expect(unknown.status).toBe(404);
    const text = await (await scrape()).text();
    expect(sample(text, 'dailies_webhook_verifications_total{provider="local",result="rejected"}')).toBe(2);
    expect(sample(text, 'dailies_webhook_verifications_total{provider="unknown",result="unknown_provider"}')).toBe(1);
  });
});
