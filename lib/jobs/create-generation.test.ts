/** Takes and compare on a real database (both dialects): one generation row, N jobs, limits counting all N. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eachDialect } from "../../e2e/support/each-dialect";
import { insertUser, seedJob, tempDataDir } from "../../e2e/support/test-db";
import { replicateHarness } from "../../e2e/support/replicate-harness";
import { ledgerRows, spentBetween } from "../db/queries/ledger";
import { resetEnvCache } from "../env";
import { BUDGET_KEYS, monthOf, writeCap } from "./budget";
import { createGeneration, takeSeeds } from "./create-generation";
import { MAX_ACTIVE_JOBS_PER_USER } from "./create-job";

// A priced route for the budget tests: Replicate's Veo 3.1 at $0.40/s (lib/providers/replicate/models.ts), through its loopback fake.
replicateHarness();
const VEO = { model: "replicate:google/veo-3.1", prompt: "a kite over dunes, wide shot", aspectRatio: "16:9", durationSeconds: 8, resolution: "720p", fps: 24 };

const saved = { ...process.env };
beforeAll(() => {
  Object.assign(process.env, { DATA_DIR: tempDataDir("dailies-generation-") });
  resetEnvCache();
});
afterAll(() => {
  process.env = saved;
  resetEnvCache();
});

const FIELDS = { model: "local:preview", prompt: "a paper boat drifting, slow dolly in", durationSeconds: 2, resolution: "480p" };

describe("takeSeeds", () => {
  it("counts up from an asked seed, draws distinct random ones otherwise, and is null without seeds", () => {
    expect(takeSeeds(3, true, 41)).toEqual([41, 42, 43]);
    expect(takeSeeds(2, false, 41)).toEqual([null, null]);
    const random = takeSeeds(4, true, undefined);
    expect(random.every((s) => Number.isInteger(s))).toBe(true);
  });
});

eachDialect((tempDb) => {
  it("Takes 2 makes one generation of two jobs with the same prompt and settings", async () => {
    const db = await tempDb();
    const user = await insertUser(db);
    const made = await createGeneration(db, { fields: FIELDS, image: null, userId: user.id, takes: 2, compare: [] });
    if (!made.ok) throw new Error(made.error.message);
    expect(made.value).toHaveLength(2);
    const [a, b] = made.value;
    expect(a!.generationId).toBeTruthy();
    expect(b!.generationId).toBe(a!.generationId);
    expect([a!.prompt, a!.durationSeconds, a!.resolution]).toEqual([b!.prompt, b!.durationSeconds, b!.resolution]);
    const [row] = await db.orm.select().from(db.t.generations);
    expect(row).toMatchObject({ id: a!.generationId, userId: user.id, kind: "takes", prompt: FIELDS.prompt });
  });

  it("refuses takes that would pass the limit of videos in progress, and stores nothing", async () => {
    const db = await tempDb();
    const user = await insertUser(db);
    for (let i = 0; i < MAX_ACTIVE_JOBS_PER_USER - 1; i++) await seedJob(db, { userId: user.id, status: "running", nextCheckAt: Date.now() + 3_600_000 });
    const made = await createGeneration(db, { fields: FIELDS, image: null, userId: user.id, takes: 2, compare: [] });
    expect(made.ok).toBe(false);
    if (!made.ok) expect(made.error.message).toContain("room for 1");
    expect(await db.orm.select().from(db.t.generations)).toEqual([]);
    const one = await createGeneration(db, { fields: FIELDS, image: null, userId: user.id, takes: 1, compare: [] });
    expect(one.ok).toBe(true);
  });

  it("counts and takes the last places in one transaction: racing submits cannot all pass the limit", async () => {
    const db = await tempDb();
    const user = await insertUser(db);
    for (let i = 0; i < MAX_ACTIVE_JOBS_PER_USER - 4; i++) await seedJob(db, { userId: user.id, status: "running", nextCheckAt: Date.now() + 3_600_000 });
    // Four submits of two takes with an image (cleaned and stored between the early check and the
    // insert, as in the reported race), each alone within the limit; together twice over the four places left.
    const sharp = (await import("sharp")).default;
    const image = await sharp({ create: { width: 64, height: 36, channels: 3, background: "#335577" } }).png().toBuffer();
    const made = await Promise.all([1, 2, 3, 4].map(() => createGeneration(db, { fields: FIELDS, image, userId: user.id, takes: 2, compare: [] })));
    expect(made.filter((m) => m.ok)).toHaveLength(2);
    for (const m of made) if (!m.ok) expect(m.error.code).toBe("rate_limited");
    const jobs = await db.orm.select().from(db.t.jobs);
    expect(jobs).toHaveLength(MAX_ACTIVE_JOBS_PER_USER);
    expect(await db.orm.select().from(db.t.generations)).toHaveLength(2);
  });

  it("checks every compared model before storing anything", async () => {
    const db = await tempDb();
    const user = await insertUser(db);
    const made = await createGeneration(db, { fields: FIELDS, image: null, userId: user.id, takes: 1, compare: ["local:preview", "nope:missing"] });
    expect(made.ok).toBe(false);
    if (!made.ok) expect(made.error.message).toMatch(/Unknown model "nope:missing"/);
    expect(await db.orm.select().from(db.t.jobs)).toEqual([]);
  });

  it("refuses 3 takes, a one-model compare and more than four models", async () => {
    const db = await tempDb();
    const user = await insertUser(db);
    for (const bad of [{ takes: 5, compare: [] }, { takes: 0, compare: [] }, { takes: 1, compare: ["local:preview"] }, { takes: 1, compare: ["a:1", "a:2", "a:3", "a:4", "a:5"] }]) {
      const made = await createGeneration(db, { fields: FIELDS, image: null, userId: user.id, ...bad });
      expect(made.ok, JSON.stringify(bad)).toBe(false);
    }
  });

  describe("budgets for takes", () => {
    it("reserves every take's estimate with the jobs, and refuses a generation that would pass the cap as a whole", async () => {
      const db = await tempDb();
      const user = await insertUser(db);
      await writeCap(db, BUDGET_KEYS.perUser, 8);
      const made = await createGeneration(db, { fields: VEO, image: null, userId: user.id, takes: 2, compare: [] });
      if (!made.ok) throw new Error(made.error.message);
      const month = monthOf(Date.now());
      expect(await spentBetween(db, month.from, month.to, user.id)).toBeCloseTo(6.4);
      const booked = await ledgerRows(db, month.from, month.to, user.id);
      expect(booked.map((r) => [r.jobId, r.kind, r.usd]).sort()).toEqual(made.value.map((j) => [j.id, "estimate", 3.2]).sort());

      const over = await createGeneration(db, { fields: VEO, image: null, userId: user.id, takes: 2, compare: [] });
      expect(over.ok).toBe(false);
      if (!over.ok) expect(over.error.message).toBe(`These 2 videos would cost about $6.40 and your budget for ${month.name} has $1.60 left; the owner can raise it in Settings.`);
      expect(await db.orm.select().from(db.t.generations)).toHaveLength(1);
      expect(await db.orm.select().from(db.t.jobs)).toHaveLength(2);
    });

    it("lets only one of two 2-take generations at once through a cap that fits one", async () => {
      const db = await tempDb();
      const user = await insertUser(db);
      await writeCap(db, BUDGET_KEYS.perUser, 8);
      const results = await Promise.all([1, 2].map(() => createGeneration(db, { fields: VEO, image: null, userId: user.id, takes: 2, compare: [] })));
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      const month = monthOf(Date.now());
      expect(await spentBetween(db, month.from, month.to, user.id)).toBeCloseTo(6.4);
      expect(await db.orm.select().from(db.t.generations)).toHaveLength(1);
      expect(await db.orm.select().from(db.t.jobs)).toHaveLength(2);
    });
  });
});
