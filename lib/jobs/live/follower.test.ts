import { describe, expect, it } from "vitest";
import { eachDialect } from "../../../e2e/support/each-dialect";
import { jobRow, seedJob } from "../../../e2e/support/test-db";
import type { Db } from "../../db/client";
import { listChangedJobs } from "../../db/queries/job-changes";
import { insertJobs } from "../../db/queries/jobs";
import { transition } from "../apply-update";
import { serializeJobs } from "../serialize-jobs";
import { formatEventId, parseEventId, type EventCursor } from "./event-id";
import { ChangeFollower, MAX_REPLAY, OVERLAP_MS, type FollowerEvent } from "./follower";

function follower(db: Db, userId: string, start: EventCursor | { since: number }): ChangeFollower {
  return new ChangeFollower((since, after, limit) => listChangedJobs(db, userId, since, after, limit), (rows) => serializeJobs(db, rows), start);
}

const jobsOf = (events: FollowerEvent[]) => events.flatMap((e) => (e.type === "job" ? [e.job] : []));
const marks = (events: FollowerEvent[]) => events.map((e) => parseEventId(e.id)!.mark);

describe("event ids", () => {
  it("round-trip, and anything else is no cursor at all", () => {
    const c = { mark: 1_700_000_000_123, jobId: "abc_DEF-123", digest: "xyz" };
    expect(parseEventId(formatEventId(c))).toEqual(c);
    for (const bad of [null, "", "12", "12.a", "x.a.b", "1.a.b.c", "1.a b.c", "99999999999999999.a.b", `1.${"a".repeat(65)}.b`]) expect(parseEventId(bad)).toBeNull();
  });
});

eachDialect((tempDb) => {
  describe("ChangeFollower", () => {
    it("sends each change of this person's jobs once, oldest first, with ids whose mark never goes down", async () => {
      const db = await tempDb();
      const t0 = Date.now();
      const a = await seedJob(db, { userId: "u1", createdAt: t0, updatedAt: t0 });
      const f = follower(db, "u1", { since: t0 });
      const first = await f.next();
      expect(jobsOf(first).map((j) => [j.id, j.status])).toEqual([[a.id, "queued"]]);
      expect(await f.next()).toEqual([]);

      await transition(db, a.id, { to: "submitted", providerJobId: "p" }, t0 + 10);
      await transition(db, a.id, { to: "running", progress: 0.5 }, t0 + 20);
      const later = await f.next();
      // A job is sent as it is now, not as each step it took: two changes since the last look, one event.
      expect(jobsOf(later).map((j) => [j.id, j.status, j.progress])).toEqual([[a.id, "running", 0.5]]);
      expect(await f.next()).toEqual([]);
      const all = [...first, ...later];
      expect(marks(all)).toEqual([...marks(all)].sort((x, y) => x - y));
      expect(new Set(all.map((e) => e.id)).size).toBe(all.length);
    });

    it("never sends another person's jobs", async () => {
      const db = await tempDb();
      const t0 = Date.now();
      const mine = await seedJob(db, { userId: "u1", updatedAt: t0 });
      const theirs = await seedJob(db, { userId: "u2", updatedAt: t0 });
      const f = follower(db, "u1", { since: t0 - 1 });
      await transition(db, theirs.id, { to: "canceled" }, t0 + 5);
      expect(jobsOf(await f.next()).map((j) => j.id)).toEqual([mine.id]);
      expect(await f.next()).toEqual([]);
    });

    it("resumes from a Last-Event-ID with only what changed after it", async () => {
      const db = await tempDb();
      const t0 = Date.now();
      const a = await seedJob(db, { userId: "u1", updatedAt: t0 });
      const b = await seedJob(db, { userId: "u1", updatedAt: t0 - 60_000 });
      const f = follower(db, "u1", { since: t0 });
      const [seen] = await f.next();
      expect(seen).toMatchObject({ type: "job", job: { id: a.id } });

      await transition(db, b.id, { to: "canceled" }, t0 + 100);
      const resumed = follower(db, "u1", parseEventId(seen!.id)!);
      expect(jobsOf(await resumed.next()).map((j) => [j.id, j.status])).toEqual([[b.id, "canceled"]]);
      // The state the client last saw is not sent again, even though it sits inside the overlap.
      expect(await resumed.next()).toEqual([]);
    });

    it("still sends a change stamped before the mark but written after it was sent (a late commit)", async () => {
      const db = await tempDb();
      const t0 = Date.now();
      const a = await seedJob(db, { userId: "u1", updatedAt: t0 });
      const late = await seedJob(db, { userId: "u1", updatedAt: t0 - 60_000 });
      const f = follower(db, "u1", { since: t0 });
      await transition(db, a.id, { to: "canceled" }, t0 + 1_000);
      expect(jobsOf(await f.next()).map((j) => j.id)).toEqual([a.id]);
      // Another process stamped this one earlier, and its write landed only now.
      await transition(db, late.id, { to: "canceled" }, t0 + 1_000 - OVERLAP_MS + 1);
      expect(jobsOf(await f.next()).map((j) => [j.id, j.status])).toEqual([[late.id, "canceled"]]);
    });

    it("sends two changes of one job made in the same millisecond", async () => {
      const db = await tempDb();
      const t0 = Date.now();
      const a = await seedJob(db, { userId: "u1", updatedAt: t0 });
      const f = follower(db, "u1", { since: t0 });
      await f.next();
      await transition(db, a.id, { to: "submitted", providerJobId: "p" }, t0 + 50);
      expect(jobsOf(await f.next()).map((j) => j.status)).toEqual(["submitted"]);
      await transition(db, a.id, { to: "running", progress: 0.2 }, t0 + 50);
      expect(jobsOf(await f.next()).map((j) => j.status)).toEqual(["running"]);
    });

    it("tells a client too far behind to reload, and goes on from now", async () => {
      const db = await tempDb();
      const t0 = Date.now() - 10 * 60_000;
      await insertJobs(db, Array.from({ length: MAX_REPLAY + 1 }, (_, i) => jobRow({ userId: "u1", createdAt: t0 + i, updatedAt: t0 + i })));
      const f = follower(db, "u1", { since: t0 });
      const now = Date.now();
      const events = await f.next(now);
      expect(events.map((e) => e.type)).toEqual(["reset"]);
      expect(parseEventId(events[0]!.id)!.mark).toBe(now);
      expect(await f.next()).toEqual([]);
      const fresh = await seedJob(db, { userId: "u1", updatedAt: now + 1 });
      expect(jobsOf(await f.next()).map((j) => j.id)).toEqual([fresh.id]);
    });
  });
});
