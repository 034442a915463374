/**
 * The OpenAPI document against the code: every route handler under app/api (found by walking the
 * folder) is in it with each method it exports, nothing in it is stale, every $ref resolves, and
 * real answers of a running production server have documented statuses and validate against the
 * document's schemas (checked by e2e/support/json-schema-check.ts, not by the zod that built them).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openApiDocument } from "../lib/openapi/document";
import { apiRoutes } from "./support/api-routes";
import { as, api } from "./support/api";
import { startApp, waitFor, type App } from "./support/app-server";
import { isReady, openEventStream } from "./support/event-stream";
import { checkJson } from "./support/json-schema-check";
import { seedUser } from "./support/seed-user";
import { startWebhookReceiver, type WebhookReceiver } from "./support/webhook-receiver";

type Doc = { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>>; components: { schemas: Record<string, unknown> } };
const doc = openApiDocument("http://studio.test") as unknown as Doc;

function allRefs(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => allRefs(n, out));
  else if (node && typeof node === "object")
    for (const [k, v] of Object.entries(node)) {
      if (k === "$ref" && typeof v === "string") out.push(v);
      else allRefs(v, out);
    }
  return out;
}

describe("the OpenAPI document", () => {
  it("describes every route under app/api, with every method it exports, and nothing else", () => {
    const routes = apiRoutes();
    expect(routes.length).toBeGreaterThan(8);
    const missing: string[] = [];
    for (const r of routes) for (const m of r.methods) if (!doc.paths[r.path]?.[m.toLowerCase()]) missing.push(`${m} ${r.path} (${r.file})`);
    expect(missing).toEqual([]);
    const stale: string[] = [];
    for (const [p, ops] of Object.entries(doc.paths))
      for (const m of Object.keys(ops)) if (!routes.some((r) => r.path === p && r.methods.includes(m.toUpperCase()))) stale.push(`${m} ${p}`);
    expect(stale).toEqual([]);
  });

  it("is OpenAPI 3.1 whose every $ref resolves", () => {
    expect((doc as unknown as { openapi: string }).openapi).toBe("3.1.0");
    const refs = allRefs(doc);
    expect(refs.length).toBeGreaterThan(20);
    for (const r of refs) expect(doc.components.schemas[r.replace("#/components/schemas/", "")], r).toBeDefined();
  });

  it("describes each model's job request: the lists createJob accepts", () => {
    const local = doc.components.schemas["JobRequest.local_preview"] as Record<string, unknown>;
    expect(checkJson({ model: "local:preview", prompt: "p", durationSeconds: 5, resolution: "720p", fps: 24, aspectRatio: "16:9" }, local, doc as never)).toEqual([]);
    expect(checkJson({ model: "local:preview", prompt: "p", durationSeconds: 7 }, local, doc as never).join()).toMatch(/durationSeconds/);
    expect(checkJson({ model: "local:preview", prompt: "p", colour: "red" }, local, doc as never).join()).toMatch(/colour: not in the schema/);
  });
});

describe("real answers of a running server", () => {
  let app: App;
  let receiver: WebhookReceiver;
  const seen: string[] = [];

  beforeAll(async () => {
    receiver = await startWebhookReceiver({ answer: 204 });
    app = await startApp({ env: { OUTGOING_WEBHOOKS_ALLOW_PRIVATE: "true" } });
  });
  afterAll(async () => {
    await app?.stop();
    await receiver?.close();
  });

  /** Calls the server and checks the answer against the document: a documented status, and a body its schema accepts. */
  async function call(client: { url: string; auth: Record<string, string> }, method: string, template: string, concrete: string, init: RequestInit & { headers?: Record<string, string> } = {}) {
    const res = await api(client, concrete, { ...init, method });
    const text = await res.text();
    const documented = doc.paths[template]?.[method.toLowerCase()]?.responses[String(res.status)];
    expect(documented, `${method} ${concrete} answered ${res.status}, which the document does not list: ${text.slice(0, 200)}`).toBeDefined();
    const type = res.headers.get("content-type") ?? "";
    const schema = documented!.content?.["application/json"]?.schema;
    let body: unknown = null;
    if (type.includes("application/json")) {
      body = JSON.parse(text);
      if (schema) expect(checkJson(body, schema as never, doc as never), `${method} ${concrete} ${res.status}`).toEqual([]);
    }
    seen.push(`${method} ${template} ${res.status}`);
    return { status: res.status, body: body as Record<string, unknown>, text, headers: res.headers };
  }

  const json = (body: unknown) => ({ headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

  it("jobs: create, follow, list, cancel, delete, and their errors", async () => {
    const created = await call(app, "POST", "/api/jobs", "/api/jobs", {
      ...json({ model: "local:preview", prompt: "contract harbour", aspectRatio: "16:9", durationSeconds: 2, resolution: "480p" }),
      headers: { "content-type": "application/json", "idempotency-key": "contract-1" },
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    await waitFor(async () => (await call(app, "GET", "/api/jobs/{id}", `/api/jobs/${id}`)).body.status === "succeeded", 60_000, () => `job ${id} did not succeed`);
    const done = await call(app, "GET", "/api/jobs/{id}", `/api/jobs/${id}`);
    expect(done.body.video).not.toBeNull();
    expect((await call(app, "GET", "/api/jobs", "/api/jobs?limit=5")).status).toBe(200);
    expect((await call(app, "GET", "/api/models", "/api/models")).status).toBe(200);
    expect((await call(app, "GET", "/api/usage", "/api/usage")).status).toBe(200);
    const zip = await call(app, "GET", "/api/export", "/api/export");
    expect(zip.headers.get("content-type")).toBe("application/zip");
    const frame = await call(app, "GET", "/api/jobs/{id}/last-frame", `/api/jobs/${id}/last-frame`);
    expect(frame.headers.get("content-type")).toBe("image/png");
    const chosen = await call(app, "GET", "/api/jobs/zip", `/api/jobs/zip?ids=${id}`);
    expect(chosen.headers.get("content-type")).toBe("application/zip");
    expect((await call(app, "GET", "/api/jobs/zip", "/api/jobs/zip")).status).toBe(400);
    expect((await call(app, "GET", "/api/jobs", "/api/jobs?limit=500")).status).toBe(400);
    expect((await call(app, "POST", "/api/jobs", "/api/jobs", json({ model: "local:preview", prompt: "x", durationSeconds: 7 }))).status).toBe(422);
    expect((await call(as(app, null), "POST", "/api/jobs", "/api/jobs", json({ prompt: "x" }))).status).toBe(401);
    expect((await call(app, "POST", "/api/jobs", "/api/jobs", { body: "x", headers: { "content-type": "text/plain" } })).status).toBe(415);
    expect((await call(app, "POST", "/api/jobs/{id}/cancel", `/api/jobs/${id}/cancel`)).status).toBe(409);
    expect((await call(app, "GET", "/api/jobs/{id}", "/api/jobs/nope")).status).toBe(404);

    const queued = await call(app, "POST", "/api/jobs", "/api/jobs", json({ model: "local:preview", prompt: "contract to cancel", durationSeconds: 10, resolution: "1080p" }));
    const canceled = await call(app, "POST", "/api/jobs/{id}/cancel", `/api/jobs/${queued.body.id as string}/cancel`);
    expect([200, 409]).toContain(canceled.status);
    expect((await call(app, "DELETE", "/api/jobs/{id}", `/api/jobs/${id}`)).status).toBe(204);
  });

  it("outgoing webhooks: endpoints, the delivery log, send again", { timeout: 120_000 }, async () => {
    const created = await call(app, "POST", "/api/webhooks/endpoints", "/api/webhooks/endpoints", json({ url: `${receiver.url}/contract`, events: ["job.succeeded", "job.canceled"] }));
    expect(created.status).toBe(201);
    expect((await call(app, "POST", "/api/webhooks/endpoints", "/api/webhooks/endpoints", json({ url: "nope" }))).status).toBe(422);
    expect((await call(app, "GET", "/api/webhooks/endpoints", "/api/webhooks/endpoints")).status).toBe(200);
    const job = await call(app, "POST", "/api/jobs", "/api/jobs", json({ model: "local:preview", prompt: "contract webhook", durationSeconds: 2, resolution: "480p" }));
    await receiver.waitFor((d) => (d.json.data as { id?: string } | undefined)?.id === job.body.id, 0, 60_000).catch((err: unknown) => {
      throw new Error(`${String(err)}; the server said:\n${app.output().slice(-4000)}`);
    });
    const delivered = await receiver.waitFor((d) => d.path === "/contract");
    expect(checkJson(delivered.json, doc.components.schemas.OutgoingWebhookEvent as never, doc as never)).toEqual([]);
    let items: Array<{ id: string; status: string }> = [];
    await waitFor(async () => {
      items = (await call(app, "GET", "/api/webhooks/deliveries", "/api/webhooks/deliveries?limit=10")).body.items as Array<{ id: string; status: string }>;
      return items.some((d) => d.status === "delivered");
    }, 20_000);
    expect((await call(app, "POST", "/api/webhooks/deliveries/{id}/retry", `/api/webhooks/deliveries/${items[0]!.id}/retry`)).status).toBe(202);
    expect((await call(app, "POST", "/api/webhooks/deliveries/{id}/retry", "/api/webhooks/deliveries/msg_nope/retry")).status).toBe(404);
    expect((await call(app, "DELETE", "/api/webhooks/endpoints/{id}", `/api/webhooks/endpoints/${created.body.id as string}`)).status).toBe(204);
    expect((await call(app, "DELETE", "/api/webhooks/endpoints/{id}", `/api/webhooks/endpoints/${created.body.id as string}`)).status).toBe(404);
  });

  it("live events: the stream's statuses, and each job event is a Job", async () => {
    expect((await call(app, "GET", "/api/jobs/events", "/api/jobs/events?since=yesterday")).status).toBe(400);
    expect((await call(as(app, null), "GET", "/api/jobs/events", "/api/jobs/events")).status).toBe(401);
    // since=0 replays every job of this person made by the tests above, then "ready"
    const stream = await openEventStream(app, { query: "since=0" });
    try {
      expect(doc.paths["/api/jobs/events"]?.get?.responses[String(stream.status)]?.content?.["text/event-stream"]).toBeDefined();
      await stream.until(isReady, 30_000, "the replay");
      const jobs = stream.jobs();
      expect(jobs.length).toBeGreaterThan(0);
      for (const { job } of jobs) expect(checkJson(job, doc.components.schemas.Job as never, doc as never), `job event for ${job.id}`).toEqual([]);
    } finally {
      stream.close();
    }
  });

  it("operations and provider callbacks", async () => {
    expect((await call(as(app, null), "GET", "/api/health", "/api/health")).status).toBe(200);
    const served = await call(as(app, null), "GET", "/api/openapi.json", "/api/openapi.json");
    expect(JSON.parse(served.text).paths["/api/jobs"]).toBeDefined();
    expect((await call(app, "GET", "/api/metrics", "/api/metrics")).text).toContain("dailies_jobs");
    const someone = await seedUser(app.dataDir, { name: "Someone" });
    expect((await call(as(app, someone), "GET", "/api/metrics", "/api/metrics")).status).toBe(403);
    expect((await call(app, "GET", "/api/settings/providers", "/api/settings/providers")).status).toBe(200);
    expect((await call(as(app, someone), "GET", "/api/settings/providers", "/api/settings/providers")).status).toBe(403);
    expect((await call(app, "POST", "/api/settings/providers/{provider}/test", "/api/settings/providers/nope/test")).status).toBe(404);
    expect((await call(as(app, null), "POST", "/api/webhooks/{provider}", "/api/webhooks/local", json({}))).status).toBe(401);
    expect((await call(as(app, null), "POST", "/api/webhooks/{provider}", "/api/webhooks/nope", json({}))).status).toBe(404);
    expect((await call(as(app, null), "GET", "/api/inputs/{jobId}/{expiry}/{sig}", "/api/inputs/a/1/b")).status).toBe(404);
  });
});
