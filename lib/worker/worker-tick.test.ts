/**
 * A worker tick that meets a database error (gone, locked past its busy timeout) is logged and
 * the loop goes on, counted in /api/metrics; it never becomes an unhandled rejection, which would end `npm run worker`.
 * (CI saw one: a claim failed while a test seeded 2,000 rows on a loaded machine.)
 */
import Database from "better-sqlite3";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { seedJob, tempDataDir } from "../../e2e/support/test-db";
import { closeDb, openDb, type Db } from "../db/client";
import { getJob } from "../db/queries/jobs";
import { metrics } from "../metrics/registry";
import { Worker } from "./worker";

let db: Db | null = null;
afterEach(async () => {
  if (db) await closeDb(db);
  db = null;
});

describe("a worker tick", () => {
  it("that fails is logged, not thrown, and the next tick works again", async () => {
    const file = path.join(tempDataDir(), "dailies.db");
    db = await openDb(file);
    const worker = new Worker(db);
    // Another connection takes the jobs table away: the tick's claim fails.
    const other = new Database(file);
    other.exec("ALTER TABLE jobs RENAME TO jobs_away");
    const before = tickFailures();
    await expect(worker.wake()).resolves.toBeUndefined();
    expect(tickFailures()).toBe(before + 1);

    // Back again: a due job is claimed by the very next tick.
    other.exec("ALTER TABLE jobs_away RENAME TO jobs");
    other.close();
    const job = await seedJob(db, { id: "after-the-failure", status: "queued", nextCheckAt: 0 });
    await worker.wake();
    await worker.stop(); // the claimed job's step (its submit to the local preview) finishes first
    expect((await getJob(db, job.id))?.status).toBe("submitted");
    expect(tickFailures()).toBe(before + 1);
  });
});

/** This process's count of failed ticks, as /api/metrics renders it (0 before the first). */
function tickFailures(): number {
  const line = metrics()
    .render()
    .split("\n")
    .find((l) => l.startsWith("dailies_worker_tick_failures_total "));
  return line ? Number(line.split(" ")[1]) : 0;
}
