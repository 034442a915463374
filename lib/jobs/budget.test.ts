/** Budgets on a real database, on every dialect this run has: the refusal, and no overspending by two creates at once. */
import { describe, expect, it } from "vitest";
import { eachDialect } from "../../e2e/support/each-dialect";
import { jobRow } from "../../e2e/support/test-db";
import type { Db } from "../db/client";
import { insertJob } from "../db/queries/jobs";
import { spentBetween, writeLedger } from "../db/queries/ledger";
import { BUDGET_KEYS, monthOf, personCaps, readCaps, refusal, withinBudget, writeCap } from "./budget";

const NOW = Date.UTC(2026, 11, 2, 12);
const month = monthOf(NOW);

/** What createJob writes under the budget check: the job row and its reservation. */
function create(db: Db, userId: string, usd: number) {
  const row = jobRow({ userId, model: "replicate:google/veo-3.1", provider: "replicate" });
  return withinBudget(db, userId, usd, NOW, async (tx) => {
    const job = await insertJob(tx, row);
    await writeLedger(tx, [{ jobId: job.id, attempt: 0, kind: "estimate", userId, usd, model: job.model, provider: job.provider, family: "veo-3.1" }], NOW);
    return job;
  });
}

describe("budget sentences", () => {
  it("names the estimate, what is left, the month and who can raise it", () => {
    expect(refusal(1.2, 0.4, "your", month.name)).toBe("This video would cost about $1.20 and your budget for December has $0.40 left; the owner can raise it in Settings.");
    expect(refusal(1.2, -0.3, "this studio's", "January")).toContain("this studio's budget for January has $0.00 left");
  });
  it("cuts months in UTC", () => {
    expect(month).toMatchObject({ from: Date.UTC(2026, 11, 1), to: Date.UTC(2027, 0, 1), name: "December" });
  });
});

eachDialect((tempDb) => {
  describe("budgets", () => {
    it("refuses a job that would pass the person's cap, and writes nothing for it", async () => {
      const db = await tempDb();
      await writeCap(db, BUDGET_KEYS.perUser, 2);
      expect((await create(db, "u1", 1.6)).ok).toBe(true);
      const second = await create(db, "u1", 1.2);
      expect(second).toEqual({ ok: false, refusal: "This video would cost about $1.20 and your budget for December has $0.40 left; the owner can raise it in Settings." });
      expect(await spentBetween(db, month.from, month.to, "u1")).toBeCloseTo(1.6);
      // Another person has their own cap.
      expect((await create(db, "u2", 1.2)).ok).toBe(true);
    });

    it("holds the instance cap across people, and a per-person override wins over the default", async () => {
      const db = await tempDb();
      await writeCap(db, BUDGET_KEYS.instance, 3);
      await writeCap(db, BUDGET_KEYS.perUser, 1);
      await writeCap(db, BUDGET_KEYS.user("big"), 5);
      expect((await create(db, "small", 1.2)).ok).toBe(false);
      expect((await create(db, "big", 2.5)).ok).toBe(true);
      const over = await create(db, "other", 0.8);
      expect(over.ok).toBe(false);
      if (!over.ok) expect(over.refusal).toContain("this studio's budget for December has $0.50 left");
    });

    it("reads back each person's own cap for the Settings form, and only where one is set", async () => {
      const db = await tempDb();
      await writeCap(db, BUDGET_KEYS.perUser, 5);
      await writeCap(db, BUDGET_KEYS.user("ana"), 2.5);
      await writeCap(db, BUDGET_KEYS.user("bo"), null);
      expect([...(await personCaps(db, ["ana", "bo", "cy"]))]).toEqual([["ana", 2.5]]);
      expect(await readCaps(db, "ana")).toEqual({ instanceUsd: null, userUsd: 2.5 });
      expect(await readCaps(db, "bo")).toEqual({ instanceUsd: null, userUsd: 5 });
    });

    it("lets two creates at once spend only what the cap allows", async () => {
      const db = await tempDb();
      await writeCap(db, BUDGET_KEYS.perUser, 1);
      const results = await Promise.all(Array.from({ length: 6 }, () => create(db, "racer", 0.4)));
      expect(results.filter((r) => r.ok)).toHaveLength(2);
      expect(await spentBetween(db, month.from, month.to, "racer")).toBeCloseTo(0.8);
    });
  });
});
