/** Finding a lost submit again in Replicate's list of recent predictions, against the loopback fake (small pages). */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startReplicateFake, type ReplicateFake } from "../../../e2e/fakes/replicate";
import { job, setEnv } from "../../../e2e/support/replicate-harness";
import { replicateProvider as provider } from "./adapter";

let fake: ReplicateFake;
beforeAll(async () => {
  fake = await startReplicateFake({ timings: { startingMs: 50, processingMs: 250 }, listPageSize: 2 });
  setEnv({ REPLICATE_BASE_URL: fake.baseUrl, REPLICATE_API_TOKEN: fake.token, DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "dailies-replicate-find-")) });
});
afterAll(async () => {
  await fake?.close();
});

const noneKnown = { isKnown: async () => false };
const MODEL = "replicate:google/veo-3.1-fast";

describe("findSubmitted", () => {
  it("finds the prediction made from exactly this job's request, across pages, and never submits", async () => {
    const startedAt = Date.now();
    const mine = job(MODEL, { prompt: "a heron over the marsh", durationSeconds: 8 });
    const submitted = await provider.submit(mine, { webhookUrl: null, image: null });
    // Newer predictions push it onto a later page; near misses (another duration, another prompt) must not match.
    await provider.submit(job(MODEL, { prompt: "a heron over the marsh", durationSeconds: 4 }), { webhookUrl: null, image: null });
    await provider.submit(job(MODEL, { prompt: "a heron over the marshes", durationSeconds: 8 }), { webhookUrl: null, image: null });
    await provider.submit(job(MODEL), { webhookUrl: null, image: null });
    const before = { accepted: fake.submissions.length, lists: fake.listRequests };

    const found = await provider.findSubmitted!(mine, { submitStartedAt: startedAt, ...noneKnown });
    expect(found?.providerJobId).toBe(submitted.providerJobId);
    expect(["queued", "running", "succeeded"]).toContain(found?.update.status);
    expect(fake.listRequests - before.lists).toBeGreaterThan(1);
    expect(fake.submissions.length).toBe(before.accepted);
  });

  it("skips a prediction another job already has, and finds nothing for a request never made", async () => {
    const startedAt = Date.now();
    const twin = { prompt: "two identical takes of a foggy pier", durationSeconds: 8 };
    const first = await provider.submit(job(MODEL, twin), { webhookUrl: null, image: null });
    const second = await provider.submit(job(MODEL, twin), { webhookUrl: null, image: null });
    const lost = job(MODEL, twin);
    const twins = [first.providerJobId, second.providerJobId];
    const one = (await provider.findSubmitted!(lost, { submitStartedAt: startedAt, ...noneKnown }))?.providerJobId;
    expect(twins).toContain(one);
    // Once one twin is another job's, the lost job gets the other; once both are, nothing.
    const other = (await provider.findSubmitted!(lost, { submitStartedAt: startedAt, isKnown: async (id) => id === one }))?.providerJobId;
    expect(twins.filter((t) => t !== one)).toEqual([other]);
    expect(await provider.findSubmitted!(lost, { submitStartedAt: startedAt, isKnown: async (id) => twins.includes(id) })).toBeNull();
    expect(await provider.findSubmitted!(job(MODEL, { prompt: "never sent" }), { submitStartedAt: startedAt, ...noneKnown })).toBeNull();
  });
});
