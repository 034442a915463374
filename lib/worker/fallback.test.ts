/**
 * Fallback end to end through two loopback fakes, Replicate first and fal second, on every
 * dialect this run has: the real adapters, the real worker steps, a real database. Each fake's
 * own record of what it received is the proof of "exactly one submission at each".
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { startFalFake, type FalFake } from "../../e2e/fakes/fal";
import { buildReplicateWebhook } from "../../e2e/fakes/replicate";
import { waitFor } from "../../e2e/support/app-server";
import { eachDialect } from "../../e2e/support/each-dialect";
import { replicateHarness, setEnv } from "../../e2e/support/replicate-harness";
import { seedJob } from "../../e2e/support/test-db";
import type { Db } from "../db/client";
import { listAttempts } from "../db/queries/attempts";
import { ledgerRows } from "../db/queries/ledger";
import { getJob } from "../db/queries/jobs";
import { claimDueJobs } from "../db/queries/job-leases";
import type { Job } from "../db/schema";
import { applyWebhookUpdate, finishStep } from "../jobs/apply-update";
import { webhookTarget } from "../jobs/webhook-target";
import { replicateProvider } from "../providers/replicate/adapter";
import { resetEnvCache } from "../env";
import type { WorkerContext } from "./context";
import { serializeOneJob } from "../jobs/serialize-jobs";
import { expireJob, pollJob } from "./poll-job";
import { saveOutput } from "./save-output";
import { submitJob } from "./submit-job";

const h = replicateHarness();
let fal: FalFake;
beforeAll(async () => {
  fal = await startFalFake({ timings: { queuedMs: 50, runningMs: 100 } });
});
afterAll(async () => {
  await fal?.close();
  setEnv({});
});

const REPLICATE_VEO = "replicate:google/veo-3.1";
const FAL_VEO = "fal:fal-ai/veo3.1";
const OWNER = "w_fallback";

function pointAtFal(): void {
  for (const [k, v] of Object.entries(fal.env)) process.env[k] = v;
  resetEnvCache();
}

/** A queued Veo 3.1 job that may try Replicate, then fal. The prompt gets a unique tail (the fakes count per prompt). */
function veoJob(db: Db, prompt: string, more: Partial<Job> = {}) {
  return seedJob(db, {
    model: REPLICATE_VEO,
    provider: "replicate",
    routes: [REPLICATE_VEO, FAL_VEO],
    prompt: `${prompt} #${randomUUID()}`,
    aspectRatio: "16:9",
    durationSeconds: 8,
    resolution: "720p",
    fps: 24,
    ...more,
  });
}

eachDialect((tempDb) => {
  async function setUp() {
    pointAtFal();
    const db = await tempDb();
    const ctx: WorkerContext = { db, owner: OWNER, leaseMs: 60_000, cadence: { pollMinMs: 50, pollMaxMs: 200 }, now: Date.now };
    /** One worker step for the job, whatever its check time says: send it if queued, else ask its provider. */
    const step = async (id: string) => {
      const job = (await claimDueJobs(db, OWNER, 60_000, 10, Date.now() + 3_600_000)).find((j) => j.id === id);
      if (!job) throw new Error(`job ${id} could not be claimed`);
      await (job.status === "queued" ? submitJob(ctx, job) : job.status === "saving" ? saveOutput(ctx, job) : pollJob(ctx, job));
      return (await getJob(db, id))!;
    };
    return { db, step };
  }
  const atReplicate = (job: Job) => h.fake.attempts.filter((s) => s.input.prompt === job.prompt);
  const atFal = (job: Job) => fal.attempts.filter((s) => s.input.prompt === job.prompt);

  describe("fallback across providers", () => {
    it("429 for ever at the first provider: made by the second, two attempts, one request at each fake", async () => {
      const { db, step } = await setUp();
      const job = await veoJob(db, "a lighthouse at dusk [fake@replicate:ratelimit=1000]");
      const moved = await step(job.id);
      expect(moved).toMatchObject({ status: "queued", model: FAL_VEO, provider: "fal", routeIndex: 1, providerJobId: null, submitStartedAt: null });
      expect(await step(job.id)).toMatchObject({ status: "submitted", provider: "fal" });
      await waitFor(async () => (await step(job.id)).status === "succeeded", 15_000, () => "fal never finished");

      expect(atReplicate(job).map((s) => s.answeredStatus)).toEqual([429]);
      expect(atFal(job)).toHaveLength(1);
      expect(fal.submissions.filter((s) => s.input.prompt === job.prompt)).toHaveLength(1);
      const attempts = await listAttempts(db, job.id);
      expect(attempts.map((a) => [a.n, a.provider, a.status, a.errorCode])).toEqual([
        [0, "replicate", "moved_on", "rate_limited"],
        [1, "fal", "succeeded", null],
      ]);
      const done = (await getJob(db, job.id))!;
      expect(attempts[1]!.providerJobId).toBe(done.providerJobId);
      // The ledger, written with each change: attempt 1 reserved at fal's price when the job moved, then settled to the actual
      // (the stored video's real length × $0.40/s). The seeded job had no reservation for attempt 0 (createJob writes that one).
      const rows = await ledgerRows(db, 0, Date.now() + 1, undefined);
      const mine = rows.filter((r) => r.jobId === job.id).map((r) => [r.attempt, r.kind, r.provider]);
      expect(mine).toEqual([
        [1, "estimate", "fal"],
        [1, "settle", "fal"],
        [1, "actual", "fal"],
      ]);
      const actual = rows.find((r) => r.jobId === job.id && r.kind === "actual")!;
      expect(actual.usd).toBeCloseTo(0.4 * done.videoDurationSeconds!, 2);
      // What the API returns and the card and page show.
      const json = await serializeOneJob(db, done);
      expect(json.routeStory).toBe("Replicate was rate limited → made by fal");
      expect(json.attempts.map((a) => [a.providerLabel, a.status, a.error?.code ?? null])).toEqual([
        ["Replicate", "moved_on", "rate_limited"],
        ["fal", "succeeded", null],
      ]);
    });

    it("a safety refusal fails the job with the provider's reason, and nothing goes to the second provider", async () => {
      const { db, step } = await setUp();
      const job = await veoJob(db, "a stormy sea [fake@replicate:safety]");
      await step(job.id);
      await waitFor(async () => (await step(job.id)).status === "failed", 10_000, () => "the refusal never arrived");
      expect(await getJob(db, job.id)).toMatchObject({ status: "failed", errorCode: "content_policy", routeIndex: 0, provider: "replicate" });
      expect(atFal(job)).toHaveLength(0);
      expect((await listAttempts(db, job.id)).map((a) => [a.n, a.status, a.errorCode])).toEqual([[0, "failed", "content_policy"]]);
    });

    it("a 5xx outage at the first provider moves the job to the second", async () => {
      const { db, step } = await setUp();
      const job = await veoJob(db, "a desert road [fake@replicate:outage]");
      expect(await step(job.id)).toMatchObject({ status: "queued", provider: "fal", routeIndex: 1 });
      expect(await step(job.id)).toMatchObject({ status: "submitted", provider: "fal" });
      expect(atReplicate(job).map((s) => s.answeredStatus)).toEqual([503]);
      expect(atFal(job)).toHaveLength(1);
      expect((await listAttempts(db, job.id)).map((a) => [a.status, a.errorCode])).toEqual([
        ["moved_on", "provider_error"],
        ["submitted", null],
      ]);
    });

    it("a job whose wait ran out before its provider began moves on with a fresh window, and is sent once to the next", async () => {
      const { db, step } = await setUp();
      const created = Date.now() - 3_600_000;
      const job = await veoJob(db, "a harbour at night", { createdAt: created, deadlineAt: Date.now() - 1 });
      const [claimed] = (await claimDueJobs(db, OWNER, 60_000, 10, Date.now() + 3_600_000)).filter((j) => j.id === job.id);
      await expireJob({ db, owner: OWNER, leaseMs: 60_000, cadence: { pollMinMs: 50, pollMaxMs: 200 }, now: Date.now }, claimed!);
      const moved = (await getJob(db, job.id))!;
      expect(moved).toMatchObject({ status: "queued", provider: "fal", routeIndex: 1 });
      expect(moved.deadlineAt).toBeGreaterThan(Date.now() + 3_000_000);
      expect(await step(job.id)).toMatchObject({ status: "submitted", provider: "fal" });
      expect(atReplicate(job)).toHaveLength(0);
      expect(atFal(job)).toHaveLength(1);
      expect((await listAttempts(db, job.id)).map((a) => [a.status, a.errorCode])).toEqual([["submitted", null]]);
    });

    it("with fallback off, a rate limit does not move the job", async () => {
      const { db, step } = await setUp();
      const job = await veoJob(db, "a glacier [fake@replicate:ratelimit=1000]", { routes: [REPLICATE_VEO], fallback: false });
      expect(await step(job.id)).toMatchObject({ status: "queued", provider: "replicate", routeIndex: 0 });
      expect(atFal(job)).toHaveLength(0);
    });

    it("news about an earlier attempt changes nothing (a poll answered after the job moved on)", async () => {
      const { db, step } = await setUp();
      const job = await veoJob(db, "a forest path [fake@replicate:ratelimit=1000]");
      await step(job.id);
      const atFalNow = await step(job.id);
      expect(atFalNow).toMatchObject({ status: "submitted", routeIndex: 1 });
      for (const transition of [{ to: "failed" as const, errorCode: "rate_limited" as const, errorMessage: "late" }, { to: "running" as const, progress: 0.5 }]) {
        await finishStep(db, job.id, OWNER, { transition, routeIndex: 0, nextCheckAt: null }, Date.now());
        expect(await getJob(db, job.id)).toMatchObject({ status: "submitted", routeIndex: 1, provider: "fal", progress: 0, providerJobId: atFalNow.providerJobId });
      }
      expect((await listAttempts(db, job.id)).map((a) => a.status)).toEqual(["moved_on", "submitted"]);
    });

    it("an earlier attempt's late webhook changes nothing, even when the job moves on between its lookup and its write", async () => {
      const { db, step } = await setUp();
      const job = await veoJob(db, "a lantern festival");
      const atReplicateNow = await step(job.id);
      expect(atReplicateNow).toMatchObject({ status: "submitted", provider: "replicate", routeIndex: 0 });
      const predictionId = atReplicateNow.providerJobId!;
      // Replicate finishes the first attempt; its signed "succeeded" delivery is read and its job looked up as the route does.
      await waitFor(async () => h.fake.prediction(predictionId)?.status === "succeeded", 10_000, () => "the prediction never finished");
      const message = buildReplicateWebhook(h.fake.webhookSecret, h.fake.prediction(predictionId)!);
      const url = new URL("https://studio.example/api/webhooks/replicate");
      const event = await replicateProvider.verifyWebhook!({ rawBody: Buffer.from(message.body), headers: new Headers(message.headers), url }, { job: null });
      expect(event.update.status).toBe("succeeded");
      const found = await webhookTarget(db, "replicate", url, null, event.providerJobId);
      expect(found).toMatchObject({ job: { id: job.id, routeIndex: 0 } });
      const stale = (found as { job: Job }).job;

      // Meanwhile its wait runs out before Replicate reported any work: the job moves to fal.
      await db.orm.update(db.t.jobs).set({ deadlineAt: Date.now() - 1 }).where(eq(db.t.jobs.id, job.id));
      const [claimed] = (await claimDueJobs(db, OWNER, 60_000, 10, Date.now() + 3_600_000)).filter((j) => j.id === job.id);
      await expireJob({ db, owner: OWNER, leaseMs: 60_000, cadence: { pollMinMs: 50, pollMaxMs: 200 }, now: Date.now }, claimed!);
      const moved = await step(job.id);
      expect(moved).toMatchObject({ status: "submitted", provider: "fal", routeIndex: 1 });

      // The delivery, applied for the attempt it named, is recorded and changes nothing.
      expect(await applyWebhookUpdate(db, "replicate", event.eventId, stale.id, event.update, Date.now(), stale.routeIndex)).toBe(true);
      expect(await getJob(db, job.id)).toMatchObject({ status: "submitted", provider: "fal", routeIndex: 1, providerJobId: moved.providerJobId, outputUrl: null });
      // Delivered again now, it names no job of ours at all.
      expect(await webhookTarget(db, "replicate", url, null, event.providerJobId)).toEqual({ ignored: "unknown" });
      expect((await listAttempts(db, job.id)).map((a) => [a.provider, a.status, a.errorCode])).toEqual([
        ["replicate", "moved_on", "timeout"],
        ["fal", "submitted", null],
      ]);
    });
  });
});
