/**
 * Two transactions that lock two rows in opposite orders deadlock on Postgres, which aborts one of
 * them: both must still commit (the aborted one is run again). On SQLite they simply take turns.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { eachDialect } from "../../../e2e/support/each-dialect";
import { seedJob } from "../../../e2e/support/test-db";
import { transaction, type Db } from "../client";
import { retryOnConflict } from "./retry-conflict";

describe("retryOnConflict", () => {
  it("runs again only on a deadlock or serialization failure, and gives up after four tries", async () => {
    let runs = 0;
    const deadlock = Object.assign(new Error("deadlock detected"), { code: "40P01" });
    await expect(retryOnConflict(async () => (++runs < 3 ? Promise.reject(deadlock) : "done"))).resolves.toBe("done");
    expect(runs).toBe(3);
    runs = 0;
    await expect(retryOnConflict(async () => (runs++, Promise.reject(new Error("query failed", { cause: { code: "40001" } }))))).rejects.toThrow("query failed");
    expect(runs).toBe(4);
    runs = 0;
    await expect(retryOnConflict(async () => (runs++, Promise.reject(Object.assign(new Error("unique"), { code: "23505" }))))).rejects.toThrow("unique");
    expect(runs).toBe(1);
  });
});

eachDialect((tempDb) => {
  it("two transactions locking two jobs in opposite orders both commit", async () => {
    const db = await tempDb();
    const a = await seedJob(db, { prompt: "first" });
    const b = await seedJob(db, { prompt: "second" });
    const { jobs } = db.t;
    const touch = (tx: Db, id: string, prompt: string) => tx.orm.update(jobs).set({ prompt }).where(eq(jobs.id, id));
    // Each holds its first row until the other has taken its own, so on Postgres they must deadlock
    // (one is aborted and run again; by then the barrier is open). SQLite runs them one after the
    // other, so the first must not wait for a second that cannot start.
    let firstLocks = 0;
    let open!: () => void;
    const barrier = new Promise<void>((resolve) => (open = resolve));
    const bothHoldOne = async (tx: Db) => {
      if (++firstLocks === 2 || tx.dialect.name === "sqlite") open();
      await barrier;
    };
    const results = await Promise.allSettled([
      transaction(db, async (tx) => {
        await touch(tx, a.id, "a by one");
        await bothHoldOne(tx);
        await touch(tx, b.id, "b by one");
      }),
      transaction(db, async (tx) => {
        await touch(tx, b.id, "b by two");
        await bothHoldOne(tx);
        await touch(tx, a.id, "a by two");
      }),
    ]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled"]);
  });
});
