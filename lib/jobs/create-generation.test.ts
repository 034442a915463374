/** Takes and compare on a real database (both dialects): one generation row, N jobs, limits counting all N. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eachDialect } from "../../e2e/support/each-dialect";
import { insertUser, seedJob, tempDataDir } from "../../e2e/support/test-db";
import { resetEnvCache } from "../env";
import { createGeneration, takeSeeds } from "./create-generation";
import { MAX_ACTIVE_JOBS_PER_USER } from "./create-job";

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
});
