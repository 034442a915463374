import { describe, expect, it } from "vitest";
import { eachDialect } from "../../e2e/support/each-dialect";
import { clearSignInFailures, recordSignInFailure, signInThrottle } from "./attempts";

describe("sign-in throttling", () => {
  eachDialect((tempDb) => {
    it("blocks one client after 10 failures for an account, but not another client", async () => {
      const db = await tempDb();
      const now = 1_000_000;
      for (let i = 0; i < 10; i++) await recordSignInFailure(db, "a@x.test", "1.1.1.1", now);
      expect((await signInThrottle(db, "a@x.test", "1.1.1.1", now)).blockedForSeconds).toBe(600);
      expect((await signInThrottle(db, "a@x.test", "2.2.2.2", now)).blockedForSeconds).toBe(0);
      expect((await signInThrottle(db, "a@x.test", "1.1.1.1", now + 600_000)).blockedForSeconds).toBe(0);
    });

    it("only slows an account down when many clients guess, never blocks a new client", async () => {
      const db = await tempDb();
      const now = 2_000_000;
      const delays: number[] = [];
      for (let i = 0; i < 120; i++) {
        await recordSignInFailure(db, "b@x.test", `10.0.${i >> 4}.${i & 15}`, now);
        delays.push((await signInThrottle(db, "b@x.test", "9.9.9.9", now)).delayMs);
      }
      expect(delays.slice(0, 9).every((d) => d === 0)).toBe(true);
      expect(delays[9]).toBe(1_000);
      expect(delays[19]).toBe(2_000);
      expect(delays[29]).toBe(4_000);
      expect(Math.max(...delays)).toBe(10_000);
      // Increasing, never falling while the failures keep coming.
      expect(delays.every((d, i) => i === 0 || d >= delays[i - 1]!)).toBe(true);
      // The owner, on an address that has not failed, is slowed but not refused.
      expect(await signInThrottle(db, "b@x.test", "9.9.9.9", now)).toEqual({ blockedForSeconds: 0, delayMs: 10_000 });
      expect(await signInThrottle(db, "b@x.test", "9.9.9.9", now + 600_000)).toEqual({ blockedForSeconds: 0, delayMs: 0 });
    });

    it("with no known client address, counts only toward the account's slowdown", async () => {
      const db = await tempDb();
      const now = 3_000_000;
      for (let i = 0; i < 40; i++) await recordSignInFailure(db, "d@x.test", null, now);
      expect(await signInThrottle(db, "d@x.test", null, now)).toEqual({ blockedForSeconds: 0, delayMs: 8_000 });
    });

    it("a success clears only that client's count", async () => {
      const db = await tempDb();
      const now = 4_000_000;
      for (let i = 0; i < 10; i++) await recordSignInFailure(db, "c@x.test", "1.1.1.1", now);
      await clearSignInFailures(db, "c@x.test", "1.1.1.1");
      expect((await signInThrottle(db, "c@x.test", "1.1.1.1", now)).blockedForSeconds).toBe(0);
      expect((await signInThrottle(db, "c@x.test", "1.1.1.1", now)).delayMs).toBe(1_000);
    });

    it("forgets failures once they leave the window", async () => {
      const db = await tempDb();
      const now = 5_000_000;
      for (let i = 0; i < 10; i++) await recordSignInFailure(db, "e@x.test", "1.1.1.1", now);
      expect((await signInThrottle(db, "e@x.test", "1.1.1.1", now)).blockedForSeconds).toBe(600);
      // A later failure prunes what is past the window.
      await recordSignInFailure(db, "f@x.test", null, now + 700_000);
      const rows = await db.orm.select().from(db.t.signInFailures);
      expect(rows.map((r) => r.key).sort()).toEqual(["*|f@x.test"]);
    });
  });
});
