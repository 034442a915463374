/**
 * Each worker step computes its outcome and commits it in one write, against the real Replicate
 * adapter and its loopback fake, on every dialect this run has. The statements are counted with
 * the database's own logger, so "one write" is a recorded fact, not a hope.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { waitFor } from "../../e2e/support/app-server";
import { eachDialect } from "../../e2e/support/each-dialect";
import { seedJob } from "../../e2e/support/test-db";
import type { Db } from "../db/client";
import { getJob } from "../db/queries/jobs";
import { claimDueJobs } from "../db/queries/job-leases";
import { transition } from "../jobs/apply-update";
import { getModel } from "../providers/registry";
import { replicateHarness } from "../../e2e/support/replicate-harness";
import type { WorkerContext } from "./context";
import { pollJob } from "./poll-job";
import { submitJob } from "./submit-job";

const h = replicateHarness();
const MODEL = "replicate:google/veo-3.1-fast";
const OWNER = "w_steps";

/** A queued job for the fake; the prompt gets a unique tail, since the fake remembers prompts (a `[fake:429]` throttles once). */
function replicateJob(db: Db, prompt = "a heron over a misty lake") {
  const { defaults } = getModel(MODEL)!;
  return seedJob(db, { model: MODEL, provider: "replicate", prompt: `${prompt} #${randomUUID()}`, aspectRatio: defaults.aspectRatio, durationSeconds: defaults.durationSeconds, resolution: defaults.resolution, fps: defaults.fps });
}

eachDialect((tempDb) => {
  async function setUp() {
    const statements: string[] = [];
    const db = await tempDb({ logger: { logQuery: (query) => void statements.push(query) } });
    const ctx: WorkerContext = { db, owner: OWNER, leaseMs: 60_000, cadence: { pollMinMs: 150, pollMaxMs: 600 }, now: Date.now };
    /** Claims the job as the worker loop does, then counts only what the step itself sends. */
    const claim = async (id: string, now = Date.now()) => {
      const claimed = (await claimDueJobs(db, OWNER, 60_000, 10, now)).find((j) => j.id === id);
      if (!claimed) throw new Error(`job ${id} was not due`);
      statements.length = 0;
      return claimed;
    };
    return { db, ctx, statements, claim };
  }

  describe("worker steps", () => {
    it("a submit writes the attempt before the call, and after it the attempt's id with the job's change (one statement) in one transaction", async () => {
      const { db, ctx, statements, claim } = await setUp();
      const job = await replicateJob(db);
      await submitJob(ctx, await claim(job.id));
      // Before the call: the job's submit mark and its attempt row; after it, one transaction: the attempt's provider id and the job's change in one statement.
      // (That the last two commit together is submit-attempt.test.ts's proof; the dialects log BEGIN differently.)
      const writes = statements.filter((q) => !/^(begin|commit)/i.test(q)).map((q) => q.split(" ").slice(0, 2).join(" ").toLowerCase());
      expect(writes).toEqual(['update "jobs"', "insert into", 'update "attempts"', 'update "jobs"']);
      expect(h.fake.submissions.filter((s) => s.input.prompt === job.prompt)).toHaveLength(1);
      const after = (await getJob(db, job.id))!;
      expect(after).toMatchObject({ status: "submitted", attempts: 1, leaseOwner: null, leaseUntil: null });
      expect(after.providerJobId).toMatch(/^[a-z0-9]+$/);
      expect(after.submittedAt).toBeGreaterThanOrEqual(job.createdAt);
      expect(after.nextCheckAt).toBeGreaterThan(after.submittedAt!);
    });

    it("a poll commits the provider's answer, its bookkeeping and the next check in one statement", async () => {
      const { db, ctx, statements, claim } = await setUp();
      const job = await replicateJob(db, "a paper boat drifting on a pond");
      await submitJob(ctx, await claim(job.id));
      const submitted = (await getJob(db, job.id))!;
      await waitFor(() => h.fake.prediction(submitted.providerJobId!)?.status === "succeeded", 10_000, () => "the fake never finished");
      await pollJob(ctx, await claim(job.id, submitted.nextCheckAt));
      expect(statements).toHaveLength(1);
      const after = (await getJob(db, job.id))!;
      // Done at the provider: saving, with its copy due at once and the lease let go.
      expect(after).toMatchObject({ status: "saving", progress: 1, pollCount: 1, leaseOwner: null });
      expect(after.nextCheckAt).toBeLessThanOrEqual(Date.now());
      expect(after.outputUrl).toBeTruthy();
    });

    it("a rate-limited submit clears its attempt and schedules the retry in one statement", async () => {
      const { db, ctx, statements, claim } = await setUp();
      const job = await replicateJob(db, "a snowy owl [fake:429]");
      const before = Date.now();
      await submitJob(ctx, await claim(job.id));
      // The mark, the attempt row, and the retry in one statement.
      expect(statements).toHaveLength(3);
      const after = (await getJob(db, job.id))!;
      expect(after).toMatchObject({ status: "queued", attempts: 1, submitStartedAt: null, providerJobId: null, leaseOwner: null });
      expect(after.nextCheckAt).toBeGreaterThan(before);
    });

    it("a job canceled meanwhile is not sent at all, and its lease is let go", async () => {
      const { db, ctx, claim } = await setUp();
      const job = await replicateJob(db, "a red fox in the snow");
      const claimed = await claim(job.id);
      expect(await transition(db, job.id, { to: "canceled" })).toBe(true);
      await submitJob(ctx, claimed);
      expect(await getJob(db, job.id)).toMatchObject({ status: "canceled", leaseOwner: null, providerJobId: null });
      expect(h.fake.submissions.filter((s) => s.input.prompt === job.prompt)).toHaveLength(0);
    });
  });
});
