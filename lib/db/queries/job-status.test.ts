/** The one-statement step commit: the guard, the lease and the bookkeeping each behave on their own, on every dialect. */
import { describe, expect, it } from "vitest";
import { eachDialect } from "../../../e2e/support/each-dialect";
import { seedJob } from "../../../e2e/support/test-db";
import { commitStep, type JobStatusWrite } from "./job-status";
import { getJob } from "./jobs";

const toSaving = (now: number): JobStatusWrite => ({
  to: "saving",
  from: ["submitted", "running"],
  fields: { updatedAt: now, outputUrl: "http://x/out.mp4", outputUpdate: { status: "succeeded", raw: { nested: [1, "two"] } }, nextCheckAt: now },
  progress: 1,
  news: { progress: 1 },
});

eachDialect((tempDb) => {
  describe("commitStep", () => {
    it("applies the change, keeps JSON as JSON, writes the bookkeeping and lets the lease go, in one statement", async () => {
      const statements: string[] = [];
      const db = await tempDb({ logger: { logQuery: (q) => void statements.push(q) } });
      const now = Date.now();
      const job = await seedJob(db, { status: "running", progress: 0.4, leaseOwner: "w", leaseUntil: now + 1000, nextCheckAt: now - 10 });
      statements.length = 0;
      const end = await commitStep(db, job.id, "w", { status: toSaving(now), bookkeeping: { pollCount: 3 }, nextCheckAt: now + 60_000, dueAtOnceIfSaving: true }, now);
      expect(statements).toHaveLength(1);
      expect(end?.changed).toBe(true);
      expect(end?.job).toMatchObject({ status: "saving", progress: 1, pollCount: 3, leaseOwner: null, leaseUntil: null, nextCheckAt: now, updatedAt: now });
      expect(end?.job.outputUpdate).toEqual({ status: "succeeded", raw: { nested: [1, "two"] } });
      expect(await getJob(db, job.id)).toEqual(end?.job);
    });

    it("still lets the lease go when the guard refuses the change", async () => {
      const db = await tempDb();
      const now = Date.now();
      const job = await seedJob(db, { status: "canceled", progress: 0.2, leaseOwner: "w", leaseUntil: now + 1000, updatedAt: now - 5000 });
      const end = await commitStep(db, job.id, "w", { status: toSaving(now), bookkeeping: { pollCount: 1 }, nextCheckAt: now + 60_000 }, now);
      expect(end?.changed).toBe(false);
      expect(end?.job).toMatchObject({ status: "canceled", progress: 0.2, outputUrl: null, updatedAt: now - 5000, pollCount: 1, leaseOwner: null, nextCheckAt: now + 60_000 });
    });

    it("records the news but leaves another worker's lease, bookkeeping and schedule alone", async () => {
      const db = await tempDb();
      const now = Date.now();
      const job = await seedJob(db, { status: "running", leaseOwner: "other", leaseUntil: now + 1000, nextCheckAt: now + 5000 });
      const end = await commitStep(db, job.id, "w", { status: toSaving(now), fields: { providerData: { kept: true } }, bookkeeping: { pollCount: 9 }, nextCheckAt: now + 60_000 }, now);
      expect(end?.changed).toBe(true);
      // The change's own schedule (saving: due now) applies; this worker's next check does not.
      expect(end?.job).toMatchObject({ status: "saving", providerData: { kept: true }, pollCount: 0, leaseOwner: "other", leaseUntil: now + 1000, nextCheckAt: now });
    });

    it("makes a job that someone else moved to saving due at once, if the step asks", async () => {
      const db = await tempDb();
      const now = Date.now();
      const job = await seedJob(db, { status: "saving", progress: 1, leaseOwner: "w", leaseUntil: now + 1000, nextCheckAt: now - 50 });
      const running: JobStatusWrite = { to: "running", from: ["submitted", "running"], fields: { updatedAt: now }, progress: 0.5, news: { progress: 0.5 } };
      const end = await commitStep(db, job.id, "w", { status: running, nextCheckAt: now + 60_000, dueAtOnceIfSaving: true }, now);
      expect(end?.changed).toBe(false);
      expect(end?.job).toMatchObject({ status: "saving", progress: 1, nextCheckAt: now, leaseOwner: null });
      const plain = await seedJob(db, { status: "saving", progress: 1, leaseOwner: "w", leaseUntil: now + 1000 });
      // A save step's own retry keeps its backoff.
      expect((await commitStep(db, plain.id, "w", { bookkeeping: { saveAttempts: 1 }, nextCheckAt: now + 60_000 }, now))?.job.nextCheckAt).toBe(now + 60_000);
    });

    it("is undefined for a job that no longer exists", async () => {
      const db = await tempDb();
      expect(await commitStep(db, "gone", "w", { nextCheckAt: null }, Date.now())).toBeUndefined();
    });
  });
});
