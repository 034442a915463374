/**
 * Outgoing webhooks end to end in process: endpoints registered through the real API routes,
 * jobs ended through the real transition (cancel, fail), the real worker turning them into
 * deliveries and POSTing them over real HTTP to a loopback receiver, which checks each
 * Standard Webhooks signature with the secret the API showed once.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GET as listDeliveriesRoute } from "../app/api/webhooks/deliveries/route";
import { POST as retryRoute } from "../app/api/webhooks/deliveries/[id]/retry/route";
import { DELETE as deleteEndpointRoute } from "../app/api/webhooks/endpoints/[id]/route";
import { GET as listEndpointsRoute, POST as createEndpointRoute } from "../app/api/webhooks/endpoints/route";
import { createApiToken } from "../lib/auth/api-tokens";
import { db } from "../lib/db/client";
import { getJob } from "../lib/db/queries/jobs";
import { resetEnvCache } from "../lib/env";
import { transition } from "../lib/jobs/apply-update";
import { cancelJob } from "../lib/jobs/cancel-job";
import { enqueueDeliveries, sendDueDeliveries } from "../lib/webhooks/outgoing/dispatcher";
import { verify } from "../lib/webhooks/standard-webhooks";
import { Worker } from "../lib/worker/worker";
import { bearer } from "./support/seed-user";
import { databaseFor, insertUser, seedJob, tempDataDir } from "./support/test-db";
import { startWebhookReceiver, type Delivery, type WebhookReceiver } from "./support/webhook-receiver";

const savedEnv = { ...process.env };
let receiver: WebhookReceiver;
let alice: { id: string; auth: Record<string, string> };
let bob: { id: string; auth: Record<string, string> };
let worker: Worker | null = null;

beforeAll(async () => {
  const dataDir = tempDataDir("dailies-outgoing-");
  // Under test:scale the studio's database is a fresh Postgres one, as for a started server.
  Object.assign(process.env, { DATA_DIR: dataDir, OUTGOING_WEBHOOKS_ALLOW_PRIVATE: "true", WORKER_TICK_MS: "50", ...(await databaseFor(dataDir)) });
  resetEnvCache();
  receiver = await startWebhookReceiver({ answer: 204 });
  const database = await db();
  const a = await insertUser(database, { name: "Alice" });
  const b = await insertUser(database, { name: "Bob" });
  alice = { id: a.id, auth: bearer((await createApiToken(database, a.id, "t"))!.token) };
  bob = { id: b.id, auth: bearer((await createApiToken(database, b.id, "t"))!.token) };
});

beforeEach(async () => {
  await worker?.stop();
  worker = null;
});

afterAll(async () => {
  await worker?.stop();
  await receiver.close();
  process.env = savedEnv;
  resetEnvCache();
});

/** Sends everything due (other tests' endpoints get these jobs too), round after round. */
async function drain(): Promise<void> {
  const database = await db();
  while ((await sendDueDeliveries(database, "test-worker")) > 0);
}

async function runWorker(): Promise<Worker> {
  const w = new Worker(await db());
  w.start();
  worker = w;
  return w;
}

const json = (auth: Record<string, string>, body: unknown) =>
  new Request("http://studio.test/api/webhooks/endpoints", { method: "POST", headers: { ...auth, "content-type": "application/json" }, body: JSON.stringify(body) });

async function register(auth: Record<string, string>, body: Record<string, unknown>) {
  const res = await createEndpointRoute(json(auth, body));
  return { status: res.status, body: (await res.json()) as { id: string; secret: string; events: string[]; error?: { message: string; fields?: Record<string, string> } } };
}

async function deliveriesOf(auth: Record<string, string>, endpoint?: string) {
  const res = await listDeliveriesRoute(new Request(`http://studio.test/api/webhooks/deliveries${endpoint ? `?endpoint=${endpoint}` : ""}`, { headers: auth }));
  return ((await res.json()) as { items: Array<{ id: string; jobId: string; event: string; status: string; attempts: number; lastStatusCode: number | null; lastError: string | null; nextAttemptAt: string | null }> }).items;
}

async function until<T>(read: () => Promise<T | null | undefined | false>, what: string, timeoutMs = 15_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const forJob = (jobId: string) => (d: Delivery) => (d.json.data as { id?: string } | undefined)?.id === jobId;

describe("outgoing webhooks", () => {
  it("shows the secret once, and lists endpoints without it", async () => {
    const created = await register(alice.auth, { url: `${receiver.url}/hooks/alice`, description: "CI" });
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^whsec_[A-Za-z0-9+/=]{32}$/);
    expect(created.body.events).toEqual(["job.succeeded", "job.failed", "job.canceled"]);
    const list = (await (await listEndpointsRoute(new Request("http://studio.test/api/webhooks/endpoints", { headers: alice.auth }))).json()) as { items: Record<string, unknown>[] };
    const listed = list.items.find((e) => e.id === created.body.id)!;
    expect(listed).toMatchObject({ url: `${receiver.url}/hooks/alice`, description: "CI" });
    expect(JSON.stringify(list)).not.toContain(created.body.secret);
    expect(JSON.stringify(list)).not.toContain("secret");
  });

  it("refuses private addresses unless the owner allows them, and other bad input with sentences", async () => {
    process.env.OUTGOING_WEBHOOKS_ALLOW_PRIVATE = "";
    resetEnvCache();
    try {
      const refused = await register(alice.auth, { url: `${receiver.url}/x` });
      expect(refused.status).toBe(422);
      expect(refused.body.error!.fields!.url).toMatch(/OUTGOING_WEBHOOKS_ALLOW_PRIVATE=true/);
    } finally {
      process.env.OUTGOING_WEBHOOKS_ALLOW_PRIVATE = "true";
      resetEnvCache();
    }
    expect((await register(alice.auth, { url: "not a url" })).body.error!.fields!.url).toMatch(/not a URL/);
    expect((await register(alice.auth, { url: `${receiver.url}/x`, events: ["job.exploded"] })).status).toBe(422);
    expect((await register(alice.auth, { url: `${receiver.url}/x`, events: [] })).body.error!.message).toMatch(/at least one event/);
    expect((await register({}, { url: `${receiver.url}/x` })).status).toBe(401);
  });

  it("delivers a job's end, signed with the endpoint's secret, and logs it", async () => {
    const endpoint = await register(alice.auth, { url: `${receiver.url}/hooks/signed`, events: ["job.canceled", "job.failed"] });
    const database = await db();
    const job = await seedJob(database, { userId: alice.id, nextCheckAt: Date.now() + 3_600_000, prompt: "a canceled harbour" });
    expect((await cancelJob(database, job)).ok).toBe(true);
    await runWorker();

    const got = await receiver.waitFor((d) => d.path === "/hooks/signed" && forJob(job.id)(d));
    // what a receiver does: verify with the secret it was given, then read the event
    expect(verify(endpoint.body.secret, got.body, got.headers)).toBe(got.headers.get("webhook-id"));
    expect(() => verify(created32(), got.body, got.headers)).toThrow(/does not match/);
    expect(got.headers.get("content-type")).toBe("application/json");
    expect(got.json).toMatchObject({ type: "job.canceled", data: { id: job.id, status: "canceled", prompt: "a canceled harbour" } });

    const [logged] = await until(async () => {
      const items = (await deliveriesOf(alice.auth, endpoint.body.id)).filter((d) => d.jobId === job.id && d.status === "delivered");
      return items.length ? items : null;
    }, "the delivery log");
    expect(logged).toMatchObject({ event: "job.canceled", attempts: 1, lastStatusCode: 204, lastError: null, nextAttemptAt: null, id: got.headers.get("webhook-id") });
  });

  it("sends only subscribed events, and nothing about jobs that ended before the endpoint existed", async () => {
    const database = await db();
    const before = await seedJob(database, { userId: alice.id, status: "failed", completedAt: Date.now() - 60_000, updatedAt: Date.now() - 60_000 });
    const endpoint = await register(alice.auth, { url: `${receiver.url}/hooks/succeeded-only`, events: ["job.succeeded"] });
    const failed = await seedJob(database, { userId: alice.id, nextCheckAt: Date.now() + 3_600_000 });
    await transition(database, failed.id, { to: "failed", errorCode: "provider_error", errorMessage: "no" });
    const canceled = await seedJob(database, { userId: alice.id, nextCheckAt: Date.now() + 3_600_000 });
    await cancelJob(database, canceled);
    await enqueueDeliveries(database);
    const items = await deliveriesOf(alice.auth, endpoint.body.id);
    expect(items.map((d) => d.jobId)).not.toContain(failed.id);
    expect(items.map((d) => d.jobId)).not.toContain(canceled.id);
    expect(items.map((d) => d.jobId)).not.toContain(before.id);
  });

  it("makes one delivery per job and endpoint however often and concurrently the jobs table is scanned", async () => {
    const database = await db();
    const endpoint = await register(alice.auth, { url: `${receiver.url}/hooks/once`, events: ["job.failed"] });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const j = await seedJob(database, { userId: alice.id, nextCheckAt: Date.now() + 3_600_000 });
      await transition(database, j.id, { to: "failed", errorCode: "internal", errorMessage: "x" });
      ids.push(j.id);
    }
    await Promise.all([enqueueDeliveries(database), enqueueDeliveries(database), enqueueDeliveries(database)]);
    await enqueueDeliveries(database);
    const items = (await deliveriesOf(alice.auth, endpoint.body.id)).filter((d) => ids.includes(d.jobId));
    expect(items).toHaveLength(5);
  });

  it("retries a failing endpoint on the schedule, and 'Send again' sends it at once", async () => {
    const database = await db();
    const endpoint = await register(alice.auth, { url: `${receiver.url}/status/500`, events: ["job.failed"] });
    const job = await seedJob(database, { userId: alice.id, nextCheckAt: Date.now() + 3_600_000 });
    await transition(database, job.id, { to: "failed", errorCode: "internal", errorMessage: "x" });
    await enqueueDeliveries(database);
    await drain();
    const [first] = (await deliveriesOf(alice.auth, endpoint.body.id)).filter((d) => d.jobId === job.id);
    expect(first).toMatchObject({ status: "pending", attempts: 1, lastStatusCode: 500, lastError: "The endpoint answered HTTP 500." });
    // The schedule as recorded: the retry is due 5 s after the recorded try (not "within 5 s of now", which a slow run breaks).
    const { eq } = await import("drizzle-orm");
    const d = database.t.webhookDeliveries;
    const [row] = await database.orm.select({ at: d.lastAttemptAt, next: d.nextAttemptAt }).from(d).where(eq(d.id, first!.id));
    expect(row!.next - row!.at!).toBe(5_000);
    expect(Date.parse(first!.nextAttemptAt!)).toBe(row!.next);

    // not due yet: a round now sends nothing
    expect(await sendDueDeliveries(database, "test-worker")).toBe(0);
    // bob cannot touch alice's delivery
    expect((await retryRoute(new Request(`http://studio.test/api/webhooks/deliveries/${first!.id}/retry`, { method: "POST", headers: bob.auth }), { params: Promise.resolve({ id: first!.id }) })).status).toBe(404);
    const again = await retryRoute(new Request(`http://studio.test/api/webhooks/deliveries/${first!.id}/retry`, { method: "POST", headers: alice.auth }), { params: Promise.resolve({ id: first!.id }) });
    expect(again.status).toBe(202);
    expect(await sendDueDeliveries(database, "test-worker")).toBe(1);
    const [second] = (await deliveriesOf(alice.auth, endpoint.body.id)).filter((d) => d.jobId === job.id);
    expect(second).toMatchObject({ status: "pending", attempts: 2, lastStatusCode: 500 });
  });

  it("gives up when the 24-hour window has closed", async () => {
    const database = await db();
    const endpoint = await register(alice.auth, { url: `${receiver.url}/status/503`, events: ["job.failed"] });
    const job = await seedJob(database, { userId: alice.id, nextCheckAt: Date.now() + 3_600_000 });
    await transition(database, job.id, { to: "failed", errorCode: "internal", errorMessage: "x" });
    await enqueueDeliveries(database);
    const { webhookDeliveries: d } = database.t;
    const { eq } = await import("drizzle-orm");
    await database.orm.update(d).set({ expiresAt: Date.now() - 1 }).where(eq(d.endpointId, endpoint.body.id));
    await drain();
    const [row] = await deliveriesOf(alice.auth, endpoint.body.id);
    expect(row).toMatchObject({ status: "failed", attempts: 1, lastStatusCode: 503, nextAttemptAt: null });
  });

  it("keeps each person's endpoints and deliveries to themselves", async () => {
    const endpoint = await register(alice.auth, { url: `${receiver.url}/hooks/private`, events: ["job.failed"] });
    const bobList = (await (await listEndpointsRoute(new Request("http://studio.test/api/webhooks/endpoints", { headers: bob.auth }))).json()) as { items: unknown[] };
    expect(bobList.items).toEqual([]);
    expect(await deliveriesOf(bob.auth)).toEqual([]);
    const del = (auth: Record<string, string>) =>
      deleteEndpointRoute(new Request(`http://studio.test/api/webhooks/endpoints/${endpoint.body.id}`, { method: "DELETE", headers: auth }), { params: Promise.resolve({ id: endpoint.body.id }) });
    expect((await del(bob.auth)).status).toBe(404);
    expect((await del(alice.auth)).status).toBe(204);
    expect((await del(alice.auth)).status).toBe(404);
  });

  it("sends nothing to a deleted endpoint", async () => {
    const database = await db();
    const endpoint = await register(alice.auth, { url: `${receiver.url}/hooks/deleted`, events: ["job.failed"] });
    await deleteEndpointRoute(new Request(`http://studio.test/api/webhooks/endpoints/${endpoint.body.id}`, { method: "DELETE", headers: alice.auth }), {
      params: Promise.resolve({ id: endpoint.body.id }),
    });
    const job = await seedJob(database, { userId: alice.id, nextCheckAt: Date.now() + 3_600_000 });
    await transition(database, job.id, { to: "failed", errorCode: "internal", errorMessage: "x" });
    await enqueueDeliveries(database);
    await drain();
    expect(receiver.deliveries.filter((d) => d.path === "/hooks/deleted")).toEqual([]);
    expect((await getJob(database, job.id))!.status).toBe("failed");
  });
});

/** Another endpoint's secret, to show the signature is bound to this one. */
function created32(): string {
  return `whsec_${Buffer.alloc(24, 7).toString("base64")}`;
}
