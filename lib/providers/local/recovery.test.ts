/**
 * Local renders outlive the process that had them: a render whose owner is gone is started again by
 * the next worker to poll it, one held by a live process is left alone, a graceful stop hands renders
 * back, and what no job needs is swept. Real ffmpeg renders in a temp DATA_DIR; the claims live in
 * the render's record (local_renders).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import { eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { localRenderDataDir, localRenderJob } from "../../../e2e/support/local-render-job";
import { db } from "../../db/client";
import { getLocalRender, type LocalRenderRow } from "../../db/queries/local-renders";
import { formatIdentity, thisProcess } from "../../runtime/process-identity";
import { storage } from "../../storage";
import { keys } from "../../storage/keys";
import type { ProviderJobRef, ProviderUpdate } from "../types";
import { localProvider } from "./adapter";
import { isFree } from "./render-claim";
import { parseParams } from "./render-params";
import { stopRender } from "./render-queue";

let dataDir: string;

beforeAll(async () => {
  // Webhooks are lost: polls (as the worker's would) carry the news.
  dataDir = await localRenderDataDir("dailies-local-recovery-");
});
afterAll(async () => {
  await fsp.rm(dataDir, { recursive: true, force: true });
});

const job = localRenderJob;

const renderDir = (id: string) => path.join(dataDir, "renders", id);

async function pollUntil(ref: ProviderJobRef, done: (u: ProviderUpdate) => boolean): Promise<ProviderUpdate> {
  let last: ProviderUpdate | null = null;
  await vi.waitFor(
    async () => {
      last = await localProvider.poll(ref);
      if (!done(last)) throw new Error(`still ${last.status}`);
    },
    { timeout: 45_000, interval: 50 },
  );
  return last!;
}

/** The pid of a process that has already exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", ""]);
  return child.pid!;
}

const deadOwner = (nonce = "earlier") => formatIdentity({ ...thisProcess(), pid: deadPid(), nonce });

async function row(id: string): Promise<LocalRenderRow> {
  return (await getLocalRender(await db(), id))!;
}

/** Rewrites the render's record as another process (or a crash) would have left it. */
async function setRecord(id: string, fields: Partial<LocalRenderRow>): Promise<void> {
  const d = await db();
  await d.orm.update(d.t.localRenders).set(fields).where(eq(d.t.localRenders.id, id));
}

const finished = (u: ProviderUpdate) => u.status === "succeeded" || u.status === "failed";

describe("a render whose process is gone", () => {
  it("is started again from the beginning by the next poll, under a new claim, and finishes", async () => {
    const submitted = await localProvider.submit(job(), { webhookUrl: null, image: null });
    const id = submitted.providerJobId;
    // Stop it here without a word, as a killed process would, and leave what a crash leaves behind.
    await stopRender(id, "lost");
    await setRecord(id, { owner: deadOwner(), status: "running", progress: 0.5, startedAttempts: 1 });

    const first = await localProvider.poll(submitted);
    expect(first.status).toBe("queued");
    expect(first.message).toMatch(/Starting again/);
    expect((await row(id)).attempt).toBe(2);

    const done = await pollUntil(submitted, finished);
    expect(done.status).toBe("succeeded");
    const res = await localProvider.fetchOutput(submitted, done, AbortSignal.timeout(5000));
    expect(Number(res.headers.get("content-length"))).toBeGreaterThan(1000);
    await res.body?.cancel();
    // The scratch folder goes with the render; the video is in storage.
    expect(fs.existsSync(renderDir(id))).toBe(false);
    await localProvider.release!(submitted);
  });

  it("starts an image render again from the input kept in storage", async () => {
    const still = await sharp({ create: { width: 320, height: 180, channels: 3, background: "#335577" } }).png().toBuffer();
    const submitted = await localProvider.submit(job(), { webhookUrl: null, image: { bytes: still, mime: "image/png" } });
    const id = submitted.providerJobId;
    await stopRender(id, "lost");
    // As if it ran on another machine: nothing of it on this disk.
    await fsp.rm(renderDir(id), { recursive: true, force: true });
    await setRecord(id, { owner: deadOwner(), status: "running", startedAttempts: 1 });
    expect((await pollUntil(submitted, finished)).status).toBe("succeeded");
    await localProvider.release!(submitted);
    expect(await storage().stat(keys.renderInput(id, "png"))).toBeNull();
    expect(await storage().stat(keys.render(id))).toBeNull();
    expect(await getLocalRender(await db(), id)).toBeUndefined();
  });

  it("counts as tries only the attempts that began rendering: waiting in a dead process's queue uses none", async () => {
    const submitted = await localProvider.submit(job(), { webhookUrl: null, image: null });
    const id = submitted.providerJobId;
    await stopRender(id, "lost");
    // Three processes in a row claimed it and died while it still waited for a render slot.
    await setRecord(id, { owner: deadOwner(), attempt: 3, startedAttempts: 0 });
    const first = await localProvider.poll(submitted);
    expect(first.message).toMatch(/Starting again/);
    expect((await row(id)).attempt).toBe(4);
    expect((await pollUntil(submitted, finished)).status).toBe("succeeded");
    expect((await row(id)).startedAttempts).toBe(1);
  });

  it("gives up after three attempts that each began rendering, with a sentence", async () => {
    const submitted = await localProvider.submit(job(), { webhookUrl: null, image: null });
    const id = submitted.providerJobId;
    await stopRender(id, "lost");
    await setRecord(id, { owner: deadOwner(), attempt: 3, startedAttempts: 3 });
    const update = await localProvider.poll(submitted);
    expect(update).toMatchObject({ status: "failed", errorCode: "internal" });
    expect(update.message).toMatch(/interrupted 3 times/);
    // Recorded, so every other worker gets the same answer.
    expect((await row(id)).status).toBe("failed");
  });

  it("is left alone while its owner may be alive (another machine, touching its record recently)", async () => {
    const submitted = await localProvider.submit(job({ durationSeconds: 10, resolution: "720p" }), { webhookUrl: null, image: null });
    const id = submitted.providerJobId;
    await stopRender(id, "lost");
    const elsewhere = formatIdentity({ ...thisProcess(), host: "another-machine", pid: deadPid() });
    await setRecord(id, { owner: elsewhere, updatedAt: Date.now() });
    const before = await row(id);
    expect((await localProvider.poll(submitted)).status).toBe(before.status);
    expect((await row(id)).attempt).toBe(1);

    // Once its record is older than the lease, it is free.
    await setRecord(id, { updatedAt: Date.now() - 60_000 });
    expect(isFree(await row(id))).toBe(true);
    await localProvider.poll(submitted);
    expect((await row(id)).attempt).toBe(2);
    await localProvider.cancel!(submitted);
    await localProvider.release!(submitted);
  });

  it("of two workers taking it over at once, one wins", async () => {
    const submitted = await localProvider.submit(job(), { webhookUrl: null, image: null });
    const id = submitted.providerJobId;
    await stopRender(id, "lost");
    await setRecord(id, { owner: deadOwner(), startedAttempts: 1 });
    await Promise.all([localProvider.poll(submitted), localProvider.poll(submitted)]);
    expect((await row(id)).attempt).toBe(2);
    expect((await pollUntil(submitted, finished)).status).toBe("succeeded");
    await localProvider.release!(submitted);
  });

  it("is found again by its job id (a crash before the job stored the render id)", async () => {
    const j = job();
    const submitted = await localProvider.submit(j, { webhookUrl: null, image: null });
    expect((await localProvider.findSubmitted!(j, { submitStartedAt: Date.now(), isKnown: async () => false }))?.providerJobId).toBe(submitted.providerJobId);
    expect(await localProvider.findSubmitted!(job(), { submitStartedAt: Date.now(), isKnown: async () => false })).toBeNull();
    await localProvider.release!(submitted);
  });
});

describe("sweeping", () => {
  it("removes what finished and deleted jobs' renders left, and strays only when old", async () => {
    const made = await Promise.all(["active", "finished", "fresh stray", "old stray"].map(() => localProvider.submit(job(), { webhookUrl: null, image: null })));
    const [active, finished, fresh, old] = made.map((m) => m.providerJobId) as [string, string, string, string];
    for (const id of [active, finished, fresh, old]) await stopRender(id, "lost");
    await setRecord(old, { updatedAt: Date.now() - 7 * 3_600_000 });
    // A scratch folder a crash left behind, with no unfinished record.
    const orphan = "lr_OOOOOOOOOOOOOOOOOOOOOO";
    await fsp.mkdir(path.join(renderDir(orphan), "1"), { recursive: true });
    const longAgo = new Date(Date.now() - 3_600_000);
    await fsp.utimes(renderDir(orphan), longAgo, longAgo);
    const where: Record<string, "active" | "finished" | "unknown"> = { [active]: "active", [finished]: "finished", [fresh]: "unknown", [old]: "unknown" };
    const asked: Array<string | null> = [];
    await localProvider.sweep!(async (ref) => {
      asked.push(ref.jobId);
      return where[ref.providerJobId] ?? "active";
    });
    const d = await db();
    expect(await getLocalRender(d, active)).toBeDefined();
    expect(await getLocalRender(d, fresh)).toBeDefined();
    expect(await getLocalRender(d, finished)).toBeUndefined();
    expect(await getLocalRender(d, old)).toBeUndefined();
    expect(fs.existsSync(renderDir(finished))).toBe(false);
    expect(fs.existsSync(renderDir(orphan))).toBe(false);
    // It says which job each render was made for.
    expect(asked).toContain(parseParams((await row(active)).params)!.jobId);
  });
});

describe("a graceful stop", () => {
  it("hands the running and the waiting renders back, unclaimed and ready to start again", async () => {
    const running = await localProvider.submit(job({ durationSeconds: 10, resolution: "1080p" }), { webhookUrl: null, image: null });
    const waiting = await localProvider.submit(job(), { webhookUrl: null, image: null });
    await pollUntil(running, (u) => u.status === "running");
    await localProvider.stop!(0);
    for (const { providerJobId: id } of [running, waiting]) {
      const r = await row(id);
      expect(r.status).toBe("queued");
      expect(r.owner).toBeNull();
      expect(isFree(r)).toBe(true);
      expect(fs.existsSync(renderDir(id))).toBe(false);
    }
    // A stopping process takes nothing over and starts nothing new.
    expect((await localProvider.poll(running)).status).toBe("queued");
    const late = await localProvider.submit(job(), { webhookUrl: null, image: null });
    expect((await row(late.providerJobId)).owner).toBeNull();
  });
});
