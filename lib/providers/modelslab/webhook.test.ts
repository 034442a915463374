import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startModelslabFake, type ModelslabFake } from "../../../e2e/fakes/modelslab";
import { providerJobFor } from "../../../e2e/support/provider-job";
import { startWebhookReceiver, type Delivery, type WebhookReceiver } from "../../../e2e/support/webhook-receiver";
import { webhookRequest } from "../../../e2e/support/webhook-request";
import { resetEnvCache } from "../../env";
import { webhookUrlFor } from "../../worker/context";
import { WebhookVerificationError } from "../kit/errors";
import type { Submitted, WebhookJob } from "../types";
import { modelslabProvider as ml } from "./adapter";
import { findModelslabModel } from "./models";

let fake: ModelslabFake;
let receiver: WebhookReceiver;
const savedEnv = { ...process.env };

beforeAll(async () => {
  fake = await startModelslabFake({ timings: { queuedMs: 30, runningMs: 100 } });
  receiver = await startWebhookReceiver({ answer: 200 });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "dailies-modelslab-wh-"));
  Object.assign(process.env, fake.env, { DATA_DIR: dataDir, PUBLIC_URL: receiver.url, APP_SECRET: "s".repeat(40) });
  resetEnvCache();
});

afterAll(async () => {
  await fake.close();
  await receiver.close();
  process.env = savedEnv;
  resetEnvCache();
});

interface Started {
  jobId: string;
  url: string;
  submitted: Submitted;
  job: WebhookJob;
}

async function start(model = "veo-3.1-fast", prompt?: string): Promise<Started> {
  const j = providerJobFor(findModelslabModel(`modelslab:${model}`), prompt ? { prompt } : {});
  const url = webhookUrlFor(ml, j.id)!;
  const submitted = await ml.submit(j, { webhookUrl: url, image: null });
  const job = { id: j.id, providerJobId: submitted.providerJobId, status: "running", providerData: submitted.providerData };
  return { jobId: j.id, url, submitted, job };
}

const delivered = (s: Started): Promise<Delivery> => receiver.waitFor((d) => d.json.id === Number(s.submitted.providerJobId));
const verify = (d: { body: Buffer; headers: Headers }, url: string, job: WebhookJob | null) =>
  ml.verifyWebhook!(webhookRequest(d.body, d.headers, url), { job });
const fetchCount = (s: Started) => fake.fetches.get(s.submitted.providerJobId) ?? 0;

describe("ModelsLab webhooks (unsigned: per-job token + confirm by fetch)", () => {
  it("accepts the fake's delivery (carrying track_id) after confirming it with ModelsLab's fetch", async () => {
    const s = await start();
    expect(s.url).toMatch(/\/api\/webhooks\/modelslab\?job=.+&token=.+/);
    const d = await delivered(s);
    expect(d.json).toMatchObject({ status: "success", track_id: s.jobId, output: [expect.stringContaining("/out/")] });
    expect(d.headers.has("x-signature")).toBe(false);
    const before = fetchCount(s);
    const event = await verify(d, s.url, s.job);
    expect(fetchCount(s)).toBe(before + 1);
    expect(event).toMatchObject({ providerJobId: s.submitted.providerJobId, update: { status: "succeeded", outputUrl: expect.stringContaining(`/out/${s.submitted.providerJobId}.mp4`) } });
    // ModelsLab may deliver twice: the replay has the same event id, so the route drops it as a duplicate.
    const replay = await verify(d, s.url, s.job);
    expect(replay.eventId).toBe(event.eventId);
    // Also once the job has ended here (the usual replay): same id, no second fetch.
    const late = await verify(d, s.url, { ...s.job, status: "succeeded" });
    expect(late.eventId).toBe(event.eventId);
    expect(fetchCount(s)).toBe(before + 2);
    const again = await receiver.waitFor((x) => x.json.id === d.json.id, receiver.deliveries.indexOf(d) + 1);
    expect(again.body.equals(d.body)).toBe(true);
  });

  it("rejects a tampered token, a token for another job, and a missing job", async () => {
    const s = await start();
    const d = await delivered(s);
    const tampered = s.url.replace(/token=([^&]+)/, (_, t: string) => `token=${t.slice(0, -2)}xx`);
    await expect(verify(d, tampered, s.job)).rejects.toBeInstanceOf(WebhookVerificationError);
    const other = await start();
    await expect(verify(d, other.url, s.job)).rejects.toBeInstanceOf(WebhookVerificationError);
    await expect(verify(d, s.url, null)).rejects.toBeInstanceOf(WebhookVerificationError);
    await expect(verify(d, s.url.replace(/\?.*$/, ""), s.job)).rejects.toBeInstanceOf(WebhookVerificationError);
  });

  it("rejects a body that names another ModelsLab job or another track_id", async () => {
    const s = await start();
    const d = await delivered(s);
    const swapped = Buffer.from(JSON.stringify({ ...d.json, id: Number(s.submitted.providerJobId) + 1 }));
    await expect(verify({ body: swapped, headers: d.headers }, s.url, s.job)).rejects.toBeInstanceOf(WebhookVerificationError);
    const track = Buffer.from(JSON.stringify({ ...d.json, track_id: "someone-else" }));
    await expect(verify({ body: track, headers: d.headers }, s.url, s.job)).rejects.toBeInstanceOf(WebhookVerificationError);
  });

  it("does not believe a claimed success the fetch does not confirm", async () => {
    const s = await start("veo-3.1-fast", "a slow harbour at night [fake:slow] [fake:nowebhook]");
    const status = await fake.sendWebhook(s.submitted.providerJobId, "success");
    expect(status).toBe(200);
    const d = await delivered(s);
    expect(d.json.status).toBe("success");
    const event = await verify(d, s.url, s.job);
    expect(event.update.status).toBe("running");
    expect(event.update.outputUrl).toBeUndefined();
  });

  it("ignores a late result for a job that already ended here, without asking ModelsLab", async () => {
    const s = await start();
    const d = await delivered(s);
    const before = fetchCount(s);
    const event = await verify(d, s.url, { ...s.job, status: "canceled" });
    expect(event.update.status).toBe("running");
    expect(fetchCount(s)).toBe(before);
  });

  it("before the id is stored, answers a non-terminal event so the route asks for a retry", async () => {
    const s = await start();
    const d = await delivered(s);
    const event = await verify(d, s.url, { ...s.job, providerJobId: null });
    expect(event).toMatchObject({ providerJobId: s.submitted.providerJobId, update: { status: "running" } });
  });

  it("confirms a v6 job on the v6 fetch route", async () => {
    const s = await start("wan2.2");
    const d = await delivered(s);
    const event = await verify(d, s.url, s.job);
    expect(event.update.status).toBe("succeeded");
  });
});
