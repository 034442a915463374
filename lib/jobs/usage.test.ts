import { describe, expect, it } from "vitest";
import { eachDialect } from "../../e2e/support/each-dialect";
import { insertUser } from "../../e2e/support/test-db";
import { claimOwnership } from "../auth/instance";
import { writeLedger, type LedgerWrite } from "../db/queries/ledger";
import type { LedgerRow } from "../db/schema";
import { BUDGET_KEYS, writeCap } from "./budget";
import { exportRows, ledgerCsv, usageFor } from "./usage";

const DAY1 = Date.UTC(2026, 11, 1, 10);
const DAY2 = Date.UTC(2026, 11, 2, 10);
const row = (jobId: string, userId: string, kind: LedgerWrite["kind"], usd: number, provider = "fal", family = "veo-3.1"): LedgerWrite => ({
  jobId,
  attempt: 0,
  kind,
  userId,
  usd,
  model: `${provider}:x`,
  provider,
  family,
});

eachDialect((tempDb) => {
  describe("usage figures", () => {
    it("shows the owner the studio by day, model, provider and person, and everyone else their own", async () => {
      const db = await tempDb();
      const owner = await insertUser(db, { name: "Olga" });
      const other = await insertUser(db, { name: "Pim" });
      await claimOwnership(db, owner.id);
      await writeCap(db, BUDGET_KEYS.perUser, 10);
      await writeLedger(db, [row("a", owner.id, "estimate", 3.2), row("a", owner.id, "settle", -3.2), row("a", owner.id, "actual", 3.216)], DAY1);
      await writeLedger(db, [row("b", other.id, "estimate", 0.25, "replicate", "kling-2.1")], DAY2);

      const mine = await usageFor(db, owner.id, DAY2);
      expect(mine.month.name).toBe("December");
      expect(mine.you).toEqual({ spentUsd: 3.216, capUsd: 10 });
      expect(mine.studio).toEqual({ spentUsd: 3.466, capUsd: null });
      expect(mine.byDay).toEqual([
        { key: "2026-12-01", usd: 3.216 },
        { key: "2026-12-02", usd: 0.25 },
      ]);
      expect(mine.byModel.map((g) => [g.label, g.usd])).toEqual([
        ["Veo 3.1", 3.216],
        ["Kling 2.1", 0.25],
      ]);
      expect(mine.byProvider.map((g) => g.label)).toEqual(["fal", "Replicate"]);
      expect(mine.byPerson?.map((g) => [g.label, g.usd])).toEqual([
        ["Olga", 3.216],
        ["Pim", 0.25],
      ]);

      const theirs = await usageFor(db, other.id, DAY2);
      expect(theirs.studio).toBeNull();
      expect(theirs.byPerson).toBeNull();
      expect(theirs.byModel.map((g) => g.key)).toEqual(["kling-2.1"]);
      expect((await exportRows(db, other.id, DAY2)).map((r) => r.jobId)).toEqual(["b"]);
      expect(await exportRows(db, owner.id, DAY2)).toHaveLength(4);
    });
  });
});

describe("ledgerCsv", () => {
  it("writes one line per row and defuses spreadsheet formulas", () => {
    const r = { jobId: "=cmd()", attempt: 0, kind: "actual", userId: "u", usd: -1.5, model: "fal:x", provider: "fal", family: "veo,3", createdAt: DAY1 } as LedgerRow;
    const [head, line] = ledgerCsv([r]).trim().split("\n");
    expect(head).toBe("created_at,job_id,attempt,kind,usd,model,family,provider,user_id");
    expect(line).toBe(`2026-12-01T10:00:00.000Z,'=cmd(),0,actual,-1.5,fal:x,"veo,3",fal,u`);
  });
});
