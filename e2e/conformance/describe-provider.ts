/**
 * The one conformance suite every provider passes (`e2e/conformance/<id>.test.ts` calls it
 * with its target). It runs jobs through the real create/worker/webhook path against the
 * provider's fake and asserts only recorded facts: the job row, the stored file, the fake's
 * counts. Cases share one fake and one worker and run concurrently, kept apart by a tag in
 * each prompt; the worker-crash case runs afterwards with `npm run worker` processes.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../lib/db/client";
import { listJobHistory } from "../../lib/db/queries/job-history";
import { applyUpdate } from "../../lib/jobs/apply-update";
import { cancelJob } from "../../lib/jobs/cancel-job";
import type { Worker } from "../../lib/worker/worker";
import { startWorkerProcess } from "../support/app-server";
import {
  create,
  finished,
  newTag,
  probeStored,
  promptWith,
  providerSays,
  refOf,
  routeAnswersFor,
  row,
  rowWhere,
  setUp,
  startInProcessWorker,
  stillImage,
  type Harness,
  WAIT_MS,
} from "./harness";
import type { ConformanceTarget } from "./target";

export type { ConformanceFake, ConformanceTarget, WebhookVariant } from "./target";
export { countMentioning } from "./target";

const ENDED = ["succeeded", "failed", "canceled"];
/** Room for a few bounded waits on a busy machine; a passing case takes a second or two. */
const CASE_TIMEOUT_MS = 120_000;

export function describeProvider(target: ConformanceTarget): void {
  const caps = { scenarios: true, resumesAfterWorkerCrash: true, ...target.capabilities };
  const h = {} as Harness & { restore(): Promise<void> };
  let worker: Worker | null = null;

  beforeAll(async () => {
    Object.assign(h, await setUp(target));
  });
  afterAll(async () => {
    await worker?.stop();
    await h.restore?.();
  });

  const text = (fields: Record<string, unknown>) => create(target.textModel, { ...target.jobFields, ...fields });
  const count = (what: "accepted" | "attempts", tag: string) => {
    const fn = h.fake[what];
    if (!fn) throw new Error(`The ${target.provider} fake must report ${what}(tag) for this case.`);
    return fn(tag);
  };

  describe.concurrent(`${target.provider} conformance: the worker in this process`, { timeout: CASE_TIMEOUT_MS }, () => {
    beforeAll(async () => {
      worker = await startInProcessWorker();
    });
    afterAll(async () => {
      await worker?.stop();
      worker = null;
    });

    it("submits, succeeds and stores an MP4 that probes", async () => {
      const tag = newTag();
      const job = await finished((await text({ prompt: promptWith(tag) })).id);
      expect(job).toMatchObject({ status: "succeeded", errorCode: null, progress: 1 });
      const info = await probeStored(job.videoKey!);
      expect(info.durationSeconds).toBeGreaterThan(0);
      expect(info.width).toBeGreaterThan(0);
      if (caps.scenarios) expect(count("accepted", tag)).toBe(1);
      if (h.fake.downloads) expect(h.fake.downloads(job.providerJobId!)).toBe(1);
    });

    if (target.imageModel) it("animates an input image", async () => {
      const job = await finished((await create(target.imageModel!, { ...target.jobFields, prompt: promptWith(newTag()) }, await stillImage())).id);
      expect(job).toMatchObject({ status: "succeeded", errorCode: null });
      expect((await probeStored(job.videoKey!)).width).toBeGreaterThan(0);
    });

    if (caps.webhooks && caps.scenarios) it("accepts its signed webhook, refuses tampered and stale ones, and ignores a replay", async () => {
      const send = h.fake.sendWebhook;
      if (!send) throw new Error(`The ${target.provider} fake must offer sendWebhook(providerJobId, variant).`);
      const submitted = await rowWhere((await text({ prompt: promptWith(newTag(), "nowebhook") })).id, (j) => !!j.providerJobId);
      const id = submitted.id;
      const pid = submitted.providerJobId!;
      await providerSays(h.provider, refOf(submitted), (u) => u.status === "succeeded");

      expect(await send(pid, "tampered")).toBe(401);
      if (caps.timestampedSignatures) expect(await send(pid, "stale")).toBe(401);
      if (h.fake.downloads) expect(h.fake.downloads(pid)).toBe(0);

      expect(await send(pid, "valid")).toBe(200);
      const done = await finished(id);
      expect(done.status).toBe("succeeded");
      // As recorded: the forged deliveries moved nothing; the accepted one brought "done" (late polls only, as webhooks are expected).
      const history = await listJobHistory(await db(), id);
      expect(history.find((e) => e.toStatus === "saving")?.source).toBe("webhook");
      expect(routeAnswersFor(h.server, id).at(-1)?.json).toEqual({ message: "ok" });

      expect(await send(pid, "replay")).toBe(200);
      expect(routeAnswersFor(h.server, id).at(-1)?.json).toMatchObject({ message: expect.stringMatching(/duplicate/i) });
      expect(await row(id)).toEqual(done);
      if (h.fake.downloads) expect(h.fake.downloads(pid)).toBe(1);
    });

    if (caps.scenarios) it("[fake:ratelimit=1]: waits out the 429 and succeeds with exactly one accepted submission", async () => {
      const tag = newTag();
      const job = await finished((await text({ prompt: promptWith(tag, "ratelimit=1") })).id);
      expect(job).toMatchObject({ status: "succeeded", errorCode: null });
      expect(count("accepted", tag)).toBe(1);
      expect(count("attempts", tag)).toBe(2);
    });

    const failures: Array<[marker: string, code: string, check?: (tag: string, message: string) => void]> = [
      ["quota", "quota_exhausted", (tag) => expect(count("accepted", tag)).toBe(0)],
      ["safety", "content_policy", (tag) => expect(count("attempts", tag)).toBe(1)],
      ["invalid", "invalid_input", (_tag, message) => expect(message).toMatch(/duration/i)],
      ["expired", "output_expired"],
      ["html", "provider_error"],
    ];
    for (const [marker, code, check] of caps.scenarios ? failures : []) {
      it(`[fake:${marker}] ends failed with ${code} and a sentence`, async () => {
        const tag = newTag();
        const job = await finished((await text({ prompt: promptWith(tag, marker) })).id);
        expect(job).toMatchObject({ status: "failed", errorCode: code, videoKey: null });
        expect(job.errorMessage?.length).toBeGreaterThan(10);
        check?.(tag, job.errorMessage!);
      });
    }

    it(`cancels a running job ${target.capabilities.cancelAtProvider ? "at the provider" : "locally"}; nothing is downloaded after`, async () => {
      const created = await text({ prompt: promptWith(newTag(), "slow"), ...target.slowJob });
      const submitted = await rowWhere(created.id, (j) => !!j.providerJobId);
      const ref = refOf(submitted);
      if (caps.progress) {
        const running = await providerSays(h.provider, ref, (u) => u.status === "running" && (u.progress ?? 0) > 0);
        expect(running.progress).toBeLessThan(1);
      }
      const result = await cancelJob(await db(), await row(created.id));
      expect(result.ok).toBe(true);
      if (caps.cancelAtProvider && h.fake.canceled) expect(h.fake.canceled(ref.providerJobId)).toBe(true);

      // The provider's last word: stopped there, or (a local cancel) a success that comes too late.
      const last = await providerSays(h.provider, ref, (u) => ENDED.includes(u.status));
      if (!caps.cancelAtProvider) {
        expect(last.status).toBe("succeeded");
        expect(await applyUpdate(await db(), created.id, last)).toBe(false);
      }
      expect(await row(created.id)).toMatchObject({ status: "canceled", videoKey: null });
      if (h.fake.downloads) expect(h.fake.downloads(ref.providerJobId)).toBe(0);
    });
  });

  if (caps.scenarios && caps.resumesAfterWorkerCrash) describe(`${target.provider} conformance: a worker process killed mid-job`, { timeout: 3 * CASE_TIMEOUT_MS }, () => {
    it("finishes a job after its worker is SIGKILLed mid-job, with one submission", async () => {
      const crashing = await startWorkerProcess({ env: {}, url: h.server.url }, {}, { startTimeoutMs: 2 * WAIT_MS });
      const tag = newTag();
      let next: Worker | null = null;
      try {
        const created = await text({ prompt: promptWith(tag, "slow") });
        await rowWhere(created.id, (j) => !!j.providerJobId);
        await crashing.kill();
        // A fresh worker (the same code `npm run worker` runs, here in this process to save a start-up)
        // knows nothing but the database.
        next = await startInProcessWorker();
        const job = await finished(created.id);
        expect(job).toMatchObject({ status: "succeeded", errorCode: null });
        expect(count("accepted", tag)).toBe(1);
      } finally {
        await crashing.kill();
        await next?.stop();
      }
    });
  });
}
