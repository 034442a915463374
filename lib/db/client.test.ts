/**
 * A studio made before the migrations moved to drizzle/sqlite/ (they lived in drizzle/) must
 * open with this code and keep working: same migration history, nothing re-applied or lost.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { describe, expect, it } from "vitest";
import { eachDialect } from "../../e2e/support/each-dialect";
import { seedJob, tempDataDir } from "../../e2e/support/test-db";
import { closeDb, openDb, transaction } from "./client";
import { getJob, listJobs, setFavorite } from "./queries/jobs";
import { claimDueJobs } from "./queries/job-leases";

describe("an existing SQLite database", () => {
  it("made by the previous layout opens, keeps its rows and history, and keeps working", async () => {
    const dir = tempDataDir();
    // The previous code: migrations in <root>/drizzle, applied by the synchronous better-sqlite3 migrator.
    const oldFolder = path.join(dir, "drizzle");
    fs.cpSync(path.join(process.cwd(), "drizzle", "sqlite"), oldFolder, { recursive: true });
    const file = path.join(dir, "dailies.db");
    const old = new Database(file);
    old.pragma("journal_mode = WAL");
    migrate(drizzle(old), { migrationsFolder: oldFolder });
    const now = Date.now();
    old
      .prepare(
        `INSERT INTO jobs (id, user_id, model, provider, prompt, aspect_ratio, duration_seconds, resolution, fps, status, next_check_at, deadline_at, created_at, updated_at)
         VALUES ('old-job', 'u1', 'local:preview', 'local', 'an old lighthouse at dusk', '16:9', 2, '480p', 24, 'queued', ?, ?, ?, ?)`,
      )
      .run(now, now + 3_600_000, now, now);
    const history = old.prepare("SELECT hash, created_at FROM __drizzle_migrations ORDER BY id").all();
    old.close();

    const db = await openDb(file);
    try {
      expect((await getJob(db, "old-job"))?.prompt).toBe("an old lighthouse at dusk");
      expect((await listJobs(db, { userId: "u1", search: "lightho", limit: 5 })).items.map((j) => j.id)).toEqual(["old-job"]);
      expect((await claimDueJobs(db, "w", 1000, 5, now)).map((j) => j.id)).toEqual(["old-job"]);
    } finally {
      await closeDb(db);
    }
    const after = new Database(file, { readonly: true });
    expect(after.prepare("SELECT hash, created_at FROM __drizzle_migrations ORDER BY id").all()).toEqual(history);
    after.close();
  });
});

eachDialect((tempDb) => {
  describe("transaction", () => {
    it("keeps other callers' statements out of an open transaction, so its rollback cannot take them along", async () => {
      const db = await tempDb();
      await seedJob(db, { id: "in-tx" });
      let entered!: () => void;
      const inside = new Promise<void>((resolve) => (entered = resolve));
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const rolledBack = transaction(db, async (tx) => {
        await setFavorite(tx, "in-tx", "u1", true);
        entered();
        await gate;
        throw new Error("roll back");
      }).catch((err: unknown) => err);
      await inside;
      // Another request writes while the transaction is open and waiting.
      const outside = seedJob(db, { id: "outside" });
      release();
      expect(await rolledBack).toBeInstanceOf(Error);
      await outside;
      expect(await getJob(db, "outside")).toBeDefined();
      expect((await getJob(db, "in-tx"))!.favorite).toBe(false);
    });

    it("commits all of its statements together", async () => {
      const db = await tempDb();
      await transaction(db, async (tx) => {
        await seedJob(tx, { id: "one" });
        await seedJob(tx, { id: "two" });
      });
      expect((await getJob(db, "one")) && (await getJob(db, "two"))).toBeTruthy();
    });

    it("nested in another, joins it: the inner work sees the outer's and rolls back with it", async () => {
      const db = await tempDb();
      let innerSawOuter: boolean | undefined;
      const failed = await transaction(db, async (tx) => {
        await seedJob(tx, { id: "outer" });
        await transaction(tx, async (inner) => {
          innerSawOuter = (await getJob(inner, "outer")) !== undefined;
          await seedJob(inner, { id: "inner" });
        });
        throw new Error("roll back both");
      }).catch((err: unknown) => (err as Error).message);
      expect({ failed, innerSawOuter }).toEqual({ failed: "roll back both", innerSawOuter: true });
      expect({ outer: await getJob(db, "outer"), inner: await getJob(db, "inner") }).toEqual({ outer: undefined, inner: undefined });
    });
  });
});
