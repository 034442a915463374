import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedJob, tempDataDir, tempDb } from "../../e2e/support/test-db";
import { claimDueJobs } from "../db/queries/job-leases";
import { markSubmitStarted } from "../db/queries/job-submits";
import { resetEnvCache } from "../env";
import { fullProviders, waitingReasons } from "./provider-slots";

const MODEL = "modelslab:veo-3.1-fast";
const savedEnv = { ...process.env };

beforeAll(() => {
  Object.assign(process.env, { DATA_DIR: tempDataDir(), MODELSLAB_API_KEY: "k", MODELSLAB_MAX_IN_FLIGHT: "2" });
  resetEnvCache();
});
afterAll(() => {
  process.env = savedEnv;
  resetEnvCache();
});

describe("provider slots (maxInFlight)", () => {
  it("counts submitted, running and being-sent jobs; a full provider's queued jobs wait and say why", async () => {
    const db = await tempDb();
    await seedJob(db, { model: MODEL, status: "running", providerJobId: "1", nextCheckAt: Date.now() + 60_000 });
    await seedJob(db, { model: MODEL, status: "saving", providerJobId: "2", nextCheckAt: Date.now() + 60_000 });
    const waiting = await seedJob(db, { model: MODEL });
    const local = await seedJob(db);
    expect(await fullProviders(db)).toEqual([]);
    expect((await waitingReasons(db, [waiting, local])).size).toBe(0);

    const sending = await seedJob(db, { model: MODEL, submitStartedAt: Date.now(), leaseOwner: "x", leaseUntil: Date.now() + 60_000 });
    expect(await fullProviders(db)).toEqual(["modelslab"]);
    const reasons = await waitingReasons(db, [waiting, local, sending]);
    expect([...reasons]).toEqual([[waiting.id, "Waiting for a ModelsLab slot (2 of 2 in use)."]]);

    const claimed = await claimDueJobs(db, "w", 10_000, 10, Date.now(), await fullProviders(db));
    expect(claimed.map((j) => j.id)).toEqual([local.id]);
  });

  it("still claims a waiting job past its deadline, so it can be expired", async () => {
    const db = await tempDb();
    await seedJob(db, { model: MODEL, status: "running", providerJobId: "1", nextCheckAt: Date.now() + 60_000 });
    await seedJob(db, { model: MODEL, status: "submitted", providerJobId: "2", nextCheckAt: Date.now() + 60_000 });
    const late = await seedJob(db, { model: MODEL, deadlineAt: Date.now() - 1 });
    await seedJob(db, { model: MODEL });
    const claimed = await claimDueJobs(db, "w", 10_000, 10, Date.now(), ["modelslab"]);
    expect(claimed.map((j) => j.id)).toEqual([late.id]);
  });

  it("takes the last slot once: a second start for the same provider is refused inside the UPDATE", async () => {
    const db = await tempDb();
    await seedJob(db, { model: MODEL, status: "running", providerJobId: "1", nextCheckAt: Date.now() + 60_000 });
    const a = await seedJob(db, { model: MODEL });
    const b = await seedJob(db, { model: MODEL });
    const other = await seedJob(db);
    await claimDueJobs(db, "w", 10_000, 10);
    const slot = { provider: "modelslab", max: 2 };
    const results = await Promise.all([markSubmitStarted(db, a.id, "w", Date.now(), slot), markSubmitStarted(db, b.id, "w", Date.now(), slot)]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await markSubmitStarted(db, other.id, "w", Date.now(), { provider: "local", max: 1 })).toBe(true);
  });
});
