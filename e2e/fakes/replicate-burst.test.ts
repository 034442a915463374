/**
 * The Replicate fake's burst mode, which the scale bench relies on: `finishProcessing` ends every
 * processing prediction at once, and `webhookConcurrency` caps how many of the resulting signed
 * deliveries are open at the same time. Real HTTP to a loopback receiver that answers slowly.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import { verify } from "../../lib/webhooks/standard-webhooks";
import { waitFor } from "../support/app-server";
import { startReplicateFake, type ReplicateFake } from "./replicate";

const PREDICTIONS = 6;
const CONCURRENCY = 2;
let fake: ReplicateFake;
let receiver: http.Server;
let url = "";
let open = 0;
let peak = 0;
const bodies: Array<{ headers: http.IncomingHttpHeaders; body: string }> = [];

beforeAll(async () => {
  fake = await startReplicateFake({ timings: { startingMs: 0, processingMs: 3_600_000 }, webhookConcurrency: CONCURRENCY });
  receiver = http.createServer((req, res) => {
    open++;
    peak = Math.max(peak, open);
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      bodies.push({ headers: req.headers, body });
      // A slow receiver, so deliveries overlap when nothing limits them.
      setTimeout(() => {
        open--;
        res.writeHead(204).end();
      }, 40);
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
});
afterAll(async () => {
  await fake?.close();
  receiver?.closeAllConnections();
  await new Promise((r) => receiver?.close(r));
});

it("finishes every processing prediction at once and delivers the completions a few at a time, signed", async () => {
  for (let i = 0; i < PREDICTIONS; i++) {
    const res = await fetch(`${fake.baseUrl}/models/google/veo-3.1-fast/predictions`, {
      method: "POST",
      headers: { authorization: `Bearer ${fake.token}`, "content-type": "application/json" },
      body: JSON.stringify({ input: { prompt: `burst ${i}` }, webhook: url, webhook_events_filter: ["completed"] }),
    });
    expect(res.status).toBe(201);
  }
  await waitFor(() => [...fake.predictions.values()].every((p) => p.status === "processing"), 5_000, () => "predictions did not start");
  expect(fake.webhookDeliveries).toHaveLength(0);

  const before = Date.now();
  expect(fake.finishProcessing()).toBe(PREDICTIONS);
  expect(fake.finishProcessing()).toBe(0); // nothing left processing

  await waitFor(() => fake.webhookDeliveries.length >= PREDICTIONS, 10_000, () => `${fake.webhookDeliveries.length} deliveries`);
  expect(fake.webhookDeliveries.every((d) => d.event === "completed" && d.status === 204 && d.at >= before)).toBe(true);
  expect(peak).toBeGreaterThan(0);
  expect(peak).toBeLessThanOrEqual(CONCURRENCY);
  for (const { headers, body } of bodies) {
    expect(JSON.parse(body)).toMatchObject({ status: "succeeded" });
    const h = new Headers(Object.entries(headers).filter((e): e is [string, string] => typeof e[1] === "string"));
    // Throws on a bad signature; answers the delivery's id.
    expect(verify(fake.webhookSecret, Buffer.from(body), h)).toMatch(/^msg_/);
  }
});
