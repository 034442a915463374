/** Replicate webhooks as the adapter verifies them: real deliveries from the loopback fake, and forgeries. */
import { describe, expect, it } from "vitest";
import { buildReplicateWebhook } from "../../../e2e/fakes/replicate";
import type { Delivery } from "../../../e2e/support/webhook-receiver";
import { ProviderError, WebhookVerificationError } from "../kit/errors";
import { replicateProvider as provider } from "./adapter";
import { job, rejection, setEnv, replicateHarness } from "../../../e2e/support/replicate-harness";
import { REFETCH_MIN_INTERVAL_MS, verifyReplicateSignature } from "./webhook-secret";
import { webhookRequest } from "../../../e2e/support/webhook-request";

const h = replicateHarness();

describe("verifyWebhook", () => {
  async function deliveredCompletion(prompt = "A lighthouse at dusk"): Promise<Delivery> {
    const { providerJobId } = await provider.submit(job("replicate:google/veo-3.1-fast", { prompt }), { webhookUrl: `${h.receiver.url}/hook`, image: null });
    return h.receiver.waitFor((d) => d.json.id === providerJobId && d.json.status === "succeeded");
  }

  it("accepts the fake's real start and completed webhooks, fetching the secret from the API", async () => {
    const before = h.fake.secretRequests;
    const completed = await deliveredCompletion();
    const id = String(completed.json.id);
    const start = await h.receiver.waitFor((d) => d.json.id === id && d.headers.get("webhook-id") !== completed.headers.get("webhook-id"));

    const startEvent = await provider.verifyWebhook!(webhookRequest(start.body, start.headers), { job: null });
    expect(startEvent.update.status).toBe("running");
    const event = await provider.verifyWebhook!(webhookRequest(completed.body, completed.headers), { job: null });
    expect(event.eventId).toBe(completed.headers.get("webhook-id"));
    expect(event.providerJobId).toBe(id);
    expect(event.update).toMatchObject({ status: "succeeded", outputUrl: `${h.fake.origin}/files/${id}.mp4` });
    expect(h.fake.secretRequests).toBe(before + 1);
  });

  it("keeps the same webhook-id when a delivery is resent, for dedupe", async () => {
    const first = await deliveredCompletion();
    const id = String(first.json.id);
    const count = h.receiver.deliveries.length;
    expect(await h.fake.sendWebhook(id)).toBe(204);
    const again = await h.receiver.waitFor((d) => d.json.id === id, count);
    expect(again.headers.get("webhook-id")).toBe(first.headers.get("webhook-id"));
    expect((await provider.verifyWebhook!(webhookRequest(again.body, again.headers), { job: null })).eventId).toBe((await provider.verifyWebhook!(webhookRequest(first.body, first.headers), { job: null })).eventId);
  });

  it("rejects a tampered body, a bad signature and a stale timestamp", async () => {
    const d = await deliveredCompletion();
    const tampered = Buffer.from(d.body.toString("utf8").replace('"status":"succeeded"', '"status":"failed"'));
    await expect(provider.verifyWebhook!(webhookRequest(tampered, d.headers), { job: null })).rejects.toBeInstanceOf(WebhookVerificationError);

    const bad = buildReplicateWebhook(h.fake.webhookSecret, d.body.toString("utf8"), { badSignature: true });
    await expect(provider.verifyWebhook!(webhookRequest(Buffer.from(bad.body), new Headers(bad.headers)), { job: null })).rejects.toBeInstanceOf(WebhookVerificationError);

    const stale = buildReplicateWebhook(h.fake.webhookSecret, d.body.toString("utf8"), { timestampMs: Date.now() - 10 * 60_000 });
    await expect(provider.verifyWebhook!(webhookRequest(Buffer.from(stale.body), new Headers(stale.headers)), { job: null })).rejects.toBeInstanceOf(WebhookVerificationError);

    await expect(provider.verifyWebhook!(webhookRequest(d.body, new Headers()), { job: null })).rejects.toBeInstanceOf(WebhookVerificationError);
  });

  it("uses REPLICATE_WEBHOOK_SECRET when set, without asking the API", async () => {
    setEnv({ REPLICATE_WEBHOOK_SECRET: h.fake.webhookSecret });
    const before = h.fake.secretRequests;
    const msg = buildReplicateWebhook(h.fake.webhookSecret, { id: "abc", status: "processing", logs: "" });
    const event = await provider.verifyWebhook!(webhookRequest(Buffer.from(msg.body), new Headers(msg.headers)), { job: null });
    expect(event).toMatchObject({ eventId: msg.webhookId, providerJobId: "abc", update: { status: "running" } });
    expect(h.fake.secretRequests).toBe(before);
  });

  it("refetches the secret once when it was rotated, and not again right away", async () => {
    const old = buildReplicateWebhook(h.fake.webhookSecret, { id: "r1", status: "starting" });
    await provider.verifyWebhook!(webhookRequest(Buffer.from(old.body), new Headers(old.headers)), { job: null });
    const afterFirstFetch = h.fake.secretRequests;

    const rotated = h.fake.rotateWebhookSecret();
    const msg = buildReplicateWebhook(rotated, { id: "r1", status: "processing" });
    const later = Date.now() + REFETCH_MIN_INTERVAL_MS + 1000;
    expect(await verifyReplicateSignature(Buffer.from(msg.body), new Headers(msg.headers), later)).toBe(msg.webhookId);
    expect(h.fake.secretRequests).toBe(afterFirstFetch + 1);

    const forged = buildReplicateWebhook(rotated, { id: "r1", status: "succeeded" }, { badSignature: true });
    await expect(verifyReplicateSignature(Buffer.from(forged.body), new Headers(forged.headers), later + 1000)).rejects.toBeInstanceOf(WebhookVerificationError);
    expect(h.fake.secretRequests).toBe(afterFirstFetch + 1);
  });

  it("does not ask Replicate again for every forged webhook while the secret cannot be fetched", async () => {
    h.fake.failSecretRequests(503);
    try {
      const before = h.fake.secretRequests;
      const now = Date.now();
      const forged = Array.from({ length: 50 }, (_, i) => buildReplicateWebhook(`whsec_${Buffer.from(`forger ${i}`).toString("base64")}`, { id: `f${i}`, status: "succeeded" }));
      // One after another, a tenth of a second apart, as a stream of forgeries would arrive.
      const outcomes: unknown[] = [];
      for (const [i, m] of forged.entries()) outcomes.push(await rejection(verifyReplicateSignature(Buffer.from(m.body), new Headers(m.headers), now + i * 100)));
      // Every one is answered "retry later" (the route's 503), none is trusted.
      for (const err of outcomes) expect(err).toMatchObject({ retryable: true });
      expect(outcomes.every((err) => err instanceof ProviderError)).toBe(true);
      expect(h.fake.secretRequests - before).toBe(1);

      // Once the throttle window has passed, one more try; and when it works, real deliveries verify again.
      h.fake.failSecretRequests(null);
      const real = buildReplicateWebhook(h.fake.webhookSecret, { id: "r2", status: "processing" });
      expect(await verifyReplicateSignature(Buffer.from(real.body), new Headers(real.headers), now + REFETCH_MIN_INTERVAL_MS + 1000)).toBe(real.webhookId);
      expect(h.fake.secretRequests - before).toBe(2);
    } finally {
      h.fake.failSecretRequests(null);
    }
  });
});
