/**
 * A submit records the provider's id on the job and on its attempt in one transaction, on every
 * dialect this run has: when the attempt's write fails (a trigger stands in for a crash between
 * the two), the job's write is rolled back with it, so the record never says "sent" in one place
 * and "submitting" in the other.
 */
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { eachDialect } from "../../e2e/support/each-dialect";
import { replicateHarness } from "../../e2e/support/replicate-harness";
import { seedJob } from "../../e2e/support/test-db";
import type { Db } from "../db/client";
import { listAttempts } from "../db/queries/attempts";
import { getJob } from "../db/queries/jobs";
import { claimDueJobs } from "../db/queries/job-leases";
import type { WorkerContext } from "./context";
import { submitJob } from "./submit-job";

const h = replicateHarness();
const OWNER = "w_submit_attempt";

/** Makes any write of "submitted" to an attempt fail, as a crash right after the job's commit would leave it. */
async function refuseSubmittedAttempts(db: Db): Promise<void> {
  if (db.dialect.name === "sqlite") {
    // Db types orm as Postgres (lib/db/client.ts); on SQLite it is drizzle's SQLite database, which runs raw SQL with run().
    await (db.orm as unknown as { run: (q: ReturnType<typeof sql.raw>) => Promise<unknown> }).run(sql.raw(`CREATE TRIGGER refuse_submitted BEFORE UPDATE OF status ON attempts WHEN NEW.status = 'submitted' BEGIN SELECT RAISE(ABORT, 'simulated crash'); END`));
    return;
  }
  await db.orm.execute(sql.raw(`CREATE FUNCTION refuse_submitted() RETURNS trigger AS $$ BEGIN IF NEW.status = 'submitted' THEN RAISE EXCEPTION 'simulated crash'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`));
  await db.orm.execute(sql.raw(`CREATE TRIGGER refuse_submitted BEFORE UPDATE ON attempts FOR EACH ROW EXECUTE FUNCTION refuse_submitted()`));
}

eachDialect((tempDb) => {
  async function submitOnce(db: Db, prompt: string) {
    const seeded = await seedJob(db, { model: "replicate:google/veo-3.1", provider: "replicate", routes: ["replicate:google/veo-3.1"], prompt, aspectRatio: "16:9", durationSeconds: 8, resolution: "720p", fps: 24 });
    const ctx: WorkerContext = { db, owner: OWNER, leaseMs: 60_000, cadence: { pollMinMs: 50, pollMaxMs: 200 }, now: Date.now };
    const [job] = (await claimDueJobs(db, OWNER, 60_000, 10, Date.now() + 3_600_000)).filter((j) => j.id === seeded.id);
    return { id: seeded.id, run: () => submitJob(ctx, job!) };
  }

  describe("a submit's job and attempt writes", () => {
    it("give the job and its attempt the same provider id", async () => {
      const db = await tempDb();
      const { id, run } = await submitOnce(db, `a quiet pier #${randomUUID()}`);
      await run();
      const job = (await getJob(db, id))!;
      expect(job.providerJobId).toBeTruthy();
      expect((await listAttempts(db, id)).map((a) => [a.status, a.providerJobId])).toEqual([["submitted", job.providerJobId]]);
    });

    it("commit together: when the attempt's write fails, the job keeps no provider id either", async () => {
      const db = await tempDb();
      await refuseSubmittedAttempts(db);
      const prompt = `a neon alley #${randomUUID()}`;
      const { id, run } = await submitOnce(db, prompt);
      const err = await run().then(() => null, (e: unknown) => e);
      expect(String((err as { cause?: unknown } | null)?.cause)).toMatch(/simulated crash/);
      // The provider was asked once; the record is the "stopped while sending" one the next claim fails safely, never a half.
      expect(h.fake.submissions.filter((s) => s.input.prompt === prompt)).toHaveLength(1);
      const job = (await getJob(db, id))!;
      expect(job).toMatchObject({ status: "queued", providerJobId: null });
      expect(job.submitStartedAt).not.toBeNull();
      expect((await listAttempts(db, id)).map((a) => [a.status, a.providerJobId])).toEqual([["submitting", null]]);
    });
  });
});
