import { describe, expect, it } from "vitest";
import { seedJob, tempDb } from "../../e2e/support/test-db";
import { transaction } from "../db/client";
import { listJobHistory } from "../db/queries/job-history";
import { deleteJobRow, getJob } from "../db/queries/jobs";
import { recordWebhookEvent } from "../db/queries/webhook-events";
import { applyUpdate, applyWebhookUpdate, transition } from "./apply-update";
import { serializeJob } from "./serialize";

const raw = {};

describe("applyUpdate", () => {
  it("walks a job through its life and records the output", async () => {
    const db = await tempDb();
    const job = await seedJob(db);
    expect(await transition(db, job.id, { to: "submitted", providerJobId: "p1" })).toBe(true);
    expect(await applyUpdate(db, job.id, { status: "running", progress: 0.3, etaSeconds: 20, raw })).toBe(true);
    expect(await applyUpdate(db, job.id, { status: "succeeded", outputUrl: "http://x/y.mp4", raw })).toBe(true);
    const saved = (await getJob(db, job.id))!;
    expect(saved).toMatchObject({ status: "saving", outputUrl: "http://x/y.mp4", providerJobId: "p1", progress: 1 });
    expect(saved.submittedAt).not.toBeNull();
  });

  it("stores what the provider reported about serving the job with its success, and shows it in the job's JSON", async () => {
    const db = await tempDb();
    const job = await seedJob(db, { status: "running", providerJobId: "p" });
    const report = { servedBy: "fal", servedModel: "fal-ai/kling", cacheHit: true, latencyMs: 42 };
    expect(await applyUpdate(db, job.id, { status: "succeeded", outputUrl: "http://x", cost: { usd: 0 }, report, raw })).toBe(true);
    const saved = (await getJob(db, job.id))!;
    expect(saved.providerReport).toEqual({ ...report, costUsd: 0 });
    expect(serializeJob(saved).providerReport).toEqual({ ...report, costUsd: 0 });

    const plain = await seedJob(db, { status: "running", providerJobId: "q" });
    await applyUpdate(db, plain.id, { status: "succeeded", outputUrl: "http://x", raw });
    expect(serializeJob((await getJob(db, plain.id))!).providerReport).toBeNull();
  });

  it("makes a job that reaches saving due at once, whoever brought the news", async () => {
    const db = await tempDb();
    const job = await seedJob(db, { status: "running", providerJobId: "p", nextCheckAt: Date.now() + 90_000 });
    const now = Date.now();
    await applyUpdate(db, job.id, { status: "succeeded", outputUrl: "http://x", raw }, now);
    expect((await getJob(db, job.id))!.nextCheckAt).toBe(now);
  });

  it("only lets progress grow", async () => {
    const db = await tempDb();
    const job = await seedJob(db, { status: "running", providerJobId: "p" });
    await applyUpdate(db, job.id, { status: "running", progress: 0.6, raw });
    await applyUpdate(db, job.id, { status: "running", progress: 0.2, raw });
    expect((await getJob(db, job.id))!.progress).toBeCloseTo(0.6);
  });

  it("treats a duplicate completion as a no-op", async () => {
    const db = await tempDb();
    const job = await seedJob(db, { status: "running", providerJobId: "p" });
    expect(await applyUpdate(db, job.id, { status: "succeeded", outputUrl: "http://a", raw })).toBe(true);
    const before = (await getJob(db, job.id))!;
    expect(await applyUpdate(db, job.id, { status: "succeeded", outputUrl: "http://b", raw }, before.updatedAt + 5)).toBe(false);
    expect(await getJob(db, job.id)).toEqual(before);
  });

  it("ignores late and out-of-order news", async () => {
    const db = await tempDb();
    const job = await seedJob(db, { status: "saving", providerJobId: "p", progress: 1 });
    expect(await applyUpdate(db, job.id, { status: "running", progress: 0.1, raw })).toBe(false);
    expect(await applyUpdate(db, job.id, { status: "queued", raw })).toBe(false);
    expect((await getJob(db, job.id))!.status).toBe("saving");
  });

  it("never changes a finished job", async () => {
    const db = await tempDb();
    for (const status of ["succeeded", "failed", "canceled"] as const) {
      const job = await seedJob(db, { status, providerJobId: `p-${status}` });
      for (const s of ["queued", "running", "succeeded", "failed", "canceled"] as const)
        expect(await applyUpdate(db, job.id, { status: s, progress: 0.5, outputUrl: "http://x", raw })).toBe(false);
      expect((await getJob(db, job.id))!.status).toBe(status);
    }
  });

  it("does not touch updatedAt when a refresh brings no news", async () => {
    const db = await tempDb();
    const job = await seedJob(db, { status: "running", providerJobId: "p", progress: 0.5, etaSeconds: 10 });
    expect(await applyUpdate(db, job.id, { status: "running", progress: 0.5, etaSeconds: 10, raw }, job.updatedAt + 1000)).toBe(false);
    expect((await getJob(db, job.id))!.updatedAt).toBe(job.updatedAt);
  });

  it("maps provider failures and provider-side cancels to failed with a code", async () => {
    const db = await tempDb();
    const a = await seedJob(db, { status: "running", providerJobId: "a" });
    await applyUpdate(db, a.id, { status: "failed", errorCode: "content_policy", message: "Refused.", raw });
    expect(await getJob(db, a.id)).toMatchObject({ status: "failed", errorCode: "content_policy", errorMessage: "Refused." });
    const b = await seedJob(db, { status: "submitted", providerJobId: "b" });
    await applyUpdate(db, b.id, { status: "canceled", raw });
    expect(await getJob(db, b.id)).toMatchObject({ status: "failed", errorCode: "canceled_by_provider" });
  });

  it("cannot cancel a job that is saving", async () => {
    const db = await tempDb();
    const job = await seedJob(db, { status: "saving", providerJobId: "p" });
    expect(await transition(db, job.id, { to: "canceled" })).toBe(false);
  });
});

describe("the job history", () => {
  const path = async (db: Awaited<ReturnType<typeof tempDb>>, id: string) =>
    (await listJobHistory(db, id)).map((h) => [h.fromStatus, h.toStatus, h.source]);

  it("records every status change with who brought it, and only real changes", async () => {
    const db = await tempDb();
    const job = await seedJob(db);
    const t0 = job.createdAt;
    await transition(db, job.id, { to: "submitted", providerJobId: "p1" }, t0 + 10);
    await applyUpdate(db, job.id, { status: "running", progress: 0.2, raw }, t0 + 20);
    await applyUpdate(db, job.id, { status: "running", progress: 0.6, raw }, t0 + 30); // a refresh: no entry
    await applyWebhookUpdate(db, "local", "evt-1", job.id, { status: "succeeded", outputUrl: "http://x", raw }, t0 + 40);
    await applyWebhookUpdate(db, "local", "evt-2", job.id, { status: "succeeded", outputUrl: "http://x", raw }, t0 + 50); // refused by the guard
    await transition(db, job.id, { to: "canceled", source: "user" }, t0 + 60); // refused: saving cannot be canceled
    await transition(db, job.id, { to: "succeeded" }, t0 + 70);
    expect(await path(db, job.id)).toEqual([
      [null, "queued", "user"],
      ["queued", "submitted", "worker"],
      ["submitted", "running", "poll"],
      ["running", "saving", "webhook"],
      ["saving", "succeeded", "worker"],
    ]);
    expect((await listJobHistory(db, job.id)).map((h) => h.at - t0)).toEqual([0, 10, 20, 40, 70]);
  });

  it("is written in the same statement as the change: a change rolled back leaves no entry", async () => {
    const db = await tempDb();
    const job = await seedJob(db, { status: "running", providerJobId: "p" });
    await expect(
      transaction(db, async (tx) => {
        // A change that is one statement (an ending opens its own transaction, for its ledger rows).
        expect(await transition(tx, job.id, { to: "saving" })).toBe(true);
        throw new Error("the rest of the step failed");
      }),
    ).rejects.toThrow("the rest of the step failed");
    expect((await getJob(db, job.id))!.status).toBe("running");
    expect(await path(db, job.id)).toEqual([[null, "running", "user"]]);
    // A replayed delivery writes neither.
    await recordWebhookEvent(db, "local", "seen");
    expect(await applyWebhookUpdate(db, "local", "seen", job.id, { status: "failed", raw })).toBe(false);
    expect(await path(db, job.id)).toEqual([[null, "running", "user"]]);
  });

  it("records a user's cancel, and goes with its job", async () => {
    const db = await tempDb();
    const job = await seedJob(db);
    await transition(db, job.id, { to: "canceled", source: "user" });
    expect(await path(db, job.id)).toEqual([
      [null, "queued", "user"],
      ["queued", "canceled", "user"],
    ]);
    await deleteJobRow(db, job.id);
    expect(await listJobHistory(db, job.id)).toEqual([]);
  });
});
