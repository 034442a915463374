/** Skytells webhooks: real signed deliveries from the fake, every event spelling, and the route's dedupe of a replay. */
import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/webhooks/[provider]/route";
import { startSkytellsFake } from "../../../e2e/fakes/skytells";
import { jobRow } from "../../../e2e/support/test-db";
import { webhookRequest } from "../../../e2e/support/webhook-request";
import { db } from "../../db/client";
import { getJob, insertJob } from "../../db/queries/jobs";
import { WebhookVerificationError } from "../kit/errors";
import { skytellsProvider as provider } from "./adapter";
import { isTerminal, job, pollUntil, refOf, rejection, setEnv, skytellsHarness } from "../../../e2e/support/skytells-harness";
import { skytellsSignature } from "./webhook";

const h = skytellsHarness();
const verify = (body: string | Buffer, headers: Record<string, string>) =>
  provider.verifyWebhook!(webhookRequest(Buffer.from(body), headers), { job: null });
const signed = (message: unknown, key = h.fake.apiKey) => {
  const body = JSON.stringify(message);
  return { body, headers: { "x-skytells-signature": skytellsSignature(body, key) } };
};

async function submitWithWebhook(prompt: string): Promise<string> {
  const { providerJobId } = await provider.submit(job("mera", { prompt }), { webhookUrl: `${h.receiver.url}/hook`, image: null });
  return providerJobId;
}

describe("verifyWebhook", () => {
  it("accepts the fake's real deliveries (bare bodies) for started and completed", async () => {
    const id = await submitWithWebhook("waves");
    const completed = await h.receiver.waitFor((d) => d.json.id === id && d.json.status === "succeeded");
    const started = h.receiver.deliveries.find((d) => d.json.id === id && d.json.status === "started");
    expect(started).toBeDefined();

    const done = await verify(completed.body, { "x-skytells-signature": completed.headers.get("x-skytells-signature")! });
    expect(done).toMatchObject({ eventId: `${id}:succeeded`, providerJobId: id, update: { status: "succeeded", outputUrl: `${h.fake.origin}/cdn/${id}.mp4` } });
    const start = await verify(started!.body, { "x-skytells-signature": started!.headers.get("x-skytells-signature")! });
    expect(start).toMatchObject({ eventId: `${id}:running`, update: { status: "running" } });
  });

  it("unwraps the envelope form {type, data}", async () => {
    const id = await submitWithWebhook("dunes [fake:webhook=envelope]");
    const delivery = await h.receiver.waitFor((d) => d.json.type === "prediction.succeeded" && (d.json.data as { id?: string }).id === id);
    const event = await verify(delivery.body, { "x-skytells-signature": delivery.headers.get("x-skytells-signature")! });
    expect(event).toMatchObject({ eventId: `${id}:succeeded`, providerJobId: id, update: { status: "succeeded" } });
  });

  it("sends nothing for [fake:nowebhook]", async () => {
    const id = await submitWithWebhook("quiet [fake:nowebhook]");
    await pollUntil(refOf(id), isTerminal);
    const fakeJob = h.fake.jobs.get(id)!;
    await pollUntil(refOf(id), () => fakeJob.sent.has("completed"));
    expect(h.receiver.deliveries.filter((d) => d.json.id === id)).toEqual([]);
  });

  it("refuses a tampered body, another key, and a missing signature", async () => {
    const id = await submitWithWebhook("x");
    await pollUntil(refOf(id), isTerminal);
    for (const variant of [{ tamper: true }, { key: "sk-someone-else" }, { shape: "envelope" as const, tamper: true }]) {
      const { body, headers } = h.fake.webhookFor(id, variant);
      expect(await rejection(verify(body, headers))).toBeInstanceOf(WebhookVerificationError);
    }
    // One delivery for both checks: the prediction's JSON can change between two calls (times, metrics).
    const { body, headers } = h.fake.webhookFor(id);
    expect(await rejection(verify(body, {}))).toBeInstanceOf(WebhookVerificationError);
    expect(await verify(body, headers)).toMatchObject({ providerJobId: id });
  });

  it("checks with SKYTELLS_WEBHOOK_SECRET when it is set, not the API key", async () => {
    const enterprise = await startSkytellsFake({ webhookSecret: "whsec-dashboard-secret", timings: { queuedMs: 10, runningMs: 40 } });
    try {
      setEnv(enterprise.env);
      const { providerJobId } = await provider.submit(job("lumo"), { webhookUrl: null, image: null });
      const { body, headers } = enterprise.webhookFor(providerJobId);
      expect(await verify(body, headers)).toMatchObject({ providerJobId });
      const byKey = enterprise.webhookFor(providerJobId, { key: enterprise.apiKey });
      expect(await rejection(verify(byKey.body, byKey.headers))).toBeInstanceOf(WebhookVerificationError);
    } finally {
      await enterprise.close();
    }
  });

  it("reads every event spelling, and gives one event id per prediction and state", async () => {
    const url = "http://127.0.0.1:1/cdn/p.mp4";
    const cases: Array<[unknown, string, string]> = [
      [{ id: "p1", status: "canceled" }, "p1:canceled", "canceled"],
      [{ type: "prediction.cancelled", data: { id: "p1", status: "cancelled" } }, "p1:canceled", "canceled"],
      [{ type: "completed", data: { id: "p2", output: [url] } }, "p2:succeeded", "succeeded"],
      [{ type: "prediction.succeeded", data: { id: "p2", status: "succeeded", output: url } }, "p2:succeeded", "succeeded"],
      [{ type: "prediction.failed", data: { id: "p3", error: "boom" } }, "p3:failed", "failed"],
      [{ type: "start", data: { id: "p4" } }, "p4:running", "running"],
      [{ id: "p5", status: "pending" }, "p5:queued", "queued"],
    ];
    for (const [message, eventId, status] of cases) {
      const { body, headers } = signed(message);
      expect(await verify(body, headers)).toMatchObject({ eventId, update: { status } });
    }
  });

  it("refuses a signed body that is not a prediction", async () => {
    const { body, headers } = signed({ type: "prediction.succeeded", data: { status: "succeeded" } });
    expect(await rejection(verify(body, headers))).toBeInstanceOf(WebhookVerificationError);
  });
});

describe("the webhook route with Skytells", () => {
  it("applies a delivery once, drops its replay as a duplicate, and answers 401 to a forgery", async () => {
    const id = await submitWithWebhook("a kite over the beach");
    await pollUntil(refOf(id), isTerminal);
    const database = await db();
    const row = await insertJob(database, jobRow({ model: "skytells:mera", status: "submitted", providerJobId: id }));
    const { body, headers } = h.fake.webhookFor(id, { shape: "envelope" });
    const post = (b: string, hd: Record<string, string>) =>
      POST(new Request(`http://127.0.0.1/api/webhooks/skytells?job=${row.id}`, { method: "POST", body: b, headers: hd }), {
        params: Promise.resolve({ provider: "skytells" }),
      });

    const first = await post(body, headers);
    expect([first.status, await first.json()]).toEqual([200, { message: "ok" }]);
    expect(await getJob(database, row.id)).toMatchObject({ status: "saving", outputUrl: `${h.fake.origin}/cdn/${id}.mp4` });
    const replay = await post(body, headers);
    expect([replay.status, await replay.json()]).toEqual([200, { message: "Duplicate delivery ignored." }]);
    const forged = h.fake.webhookFor(id, { tamper: true });
    expect((await post(forged.body, forged.headers)).status).toBe(401);
  });
});
