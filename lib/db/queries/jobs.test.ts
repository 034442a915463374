import { describe, expect, it } from "vitest";
import { seedJob, tempDb } from "../../../e2e/support/test-db";
import { claimDueJobs, getJob, listJobs, releaseLease } from "./jobs";

describe("claimDueJobs", () => {
  it("never hands the same job to two workers", () => {
    const db = tempDb();
    for (let i = 0; i < 10; i++) seedJob(db);
    const a = claimDueJobs(db, "a", 10_000, 6);
    const b = claimDueJobs(db, "b", 10_000, 6);
    expect(a).toHaveLength(6);
    expect(b).toHaveLength(4);
    const ids = new Set([...a, ...b].map((j) => j.id));
    expect(ids.size).toBe(10);
    expect(claimDueJobs(db, "c", 10_000, 6)).toHaveLength(0);
  });

  it("gives a crashed worker's jobs to another once the lease expires", () => {
    const db = tempDb();
    const job = seedJob(db);
    const now = Date.now();
    expect(claimDueJobs(db, "crashed", 1000, 1, now)).toHaveLength(1);
    expect(claimDueJobs(db, "next", 1000, 1, now + 500)).toHaveLength(0);
    const taken = claimDueJobs(db, "next", 1000, 1, now + 1500);
    expect(taken.map((j) => j.id)).toEqual([job.id]);
    expect(getJob(db, job.id)!.leaseOwner).toBe("next");
  });

  it("skips jobs that are not due, finished, or released to a later time", () => {
    const db = tempDb();
    const now = Date.now();
    seedJob(db, { status: "succeeded" });
    seedJob(db, { nextCheckAt: now + 60_000 });
    const due = seedJob(db, { nextCheckAt: now });
    const [claimed] = claimDueJobs(db, "w", 1000, 5, now);
    expect(claimed?.id).toBe(due.id);
    releaseLease(db, due.id, "w", now + 60_000);
    expect(claimDueJobs(db, "w", 1000, 5, now)).toHaveLength(0);
  });

  it("claims an overdue job even when its next check is later, so deadlines are enforced", () => {
    const db = tempDb();
    const now = Date.now();
    const job = seedJob(db, { status: "running", nextCheckAt: now + 60_000, deadlineAt: now - 1 });
    expect(claimDueJobs(db, "w", 1000, 5, now).map((j) => j.id)).toEqual([job.id]);
  });
});

describe("listJobs", () => {
  it("pages newest first without gaps or repeats", () => {
    const db = tempDb();
    const t = Date.now();
    for (let i = 0; i < 25; i++) seedJob(db, { createdAt: t - (i % 5) * 1000 });
    const seen: string[] = [];
    let cursor: string | undefined;
    for (;;) {
      const page = listJobs(db, { userId: "u1", limit: 7, cursor });
      seen.push(...page.items.map((j) => j.id));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seen).toHaveLength(25);
    expect(new Set(seen).size).toBe(25);
    const created = seen.map((id) => getJob(db, id)!.createdAt);
    expect([...created].sort((a, b) => b - a)).toEqual(created);
  });
});
