/**
 * Local renders outlive the process that had them: a render whose owner is gone is started again by
 * the next process to poll it, one held by a live process is left alone, a graceful stop hands renders
 * back, and folders no job needs are swept. Real ffmpeg renders in a temp DATA_DIR.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import fsp from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { resetEnvCache } from "../../env";
import { resetFfmpegPathCache } from "../../media/ffmpeg-path";
import { formatIdentity, thisProcess } from "../../runtime/process-identity";
import type { ProviderJob, ProviderJobRef, ProviderUpdate } from "../types";
import { localProvider } from "./adapter";
import { localModels } from "./models";
import { currentClaim, isFree } from "./render-claim";
import { readParams } from "./render-params";
import { stopRender } from "./render-queue";
import { readState } from "./render-state";

let dataDir: string;

beforeAll(async () => {
  dataDir = await fsp.mkdtemp(path.join(os.tmpdir(), "dailies-local-recovery-"));
  process.env.DATA_DIR = dataDir;
  // Nobody listens there: webhooks are lost, and polls (as the worker's would) carry the news.
  process.env.INTERNAL_URL = "http://127.0.0.1:9";
  process.env.APP_SECRET = "test-secret-that-is-at-least-32-characters-long";
  resetEnvCache();
  resetFfmpegPathCache();
});
afterAll(async () => {
  await fsp.rm(dataDir, { recursive: true, force: true });
});

function job(overrides: Partial<ProviderJob> = {}): ProviderJob {
  return {
    id: `job_${Math.random().toString(36).slice(2)}`,
    model: localModels[0]!,
    prompt: "a harbour at dawn",
    negativePrompt: null,
    aspectRatio: "16:9",
    durationSeconds: 2,
    resolution: "480p",
    fps: 24,
    seed: 7,
    deadlineAt: Date.now() + 3_600_000,
    ...overrides,
  };
}

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

/** Makes the render's current claim look like another process's: `owner` replaces this process in it. */
async function claimAs(id: string, owner: string, beatAgoMs = 0): Promise<void> {
  const claim = (await currentClaim(renderDir(id)))!;
  const at = path.join(renderDir(id), "claims", String(claim.attempt));
  await fsp.writeFile(path.join(at, "owner"), owner);
  const t = new Date(Date.now() - beatAgoMs);
  await fsp.utimes(path.join(at, "beat"), t, t);
}

/** Claims `attempts` of the render, each by a process that has exited, begun rendering or not. */
async function deadClaims(id: string, attempts: number[], opts: { started: boolean }): Promise<void> {
  for (const n of attempts) {
    const at = path.join(renderDir(id), "claims", String(n));
    await fsp.mkdir(at, { recursive: true });
    await fsp.writeFile(path.join(at, "owner"), formatIdentity({ ...thisProcess(), pid: deadPid(), nonce: `earlier-${n}` }));
    await fsp.writeFile(path.join(at, "beat"), "");
    if (opts.started) await fsp.writeFile(path.join(at, "started"), "");
    else await fsp.rm(path.join(at, "started"), { force: true });
  }
}

describe("a render whose process is gone", () => {
  it("is started again from the beginning by the next poll, under a new claim, and finishes", async () => {
    const submitted = await localProvider.submit(job(), { webhookUrl: null, image: null });
    const id = submitted.providerJobId;
    // Stop it here without a word, as a killed process would, and leave what a crash leaves behind.
    await stopRender(id, "lost");
    await claimAs(id, formatIdentity({ ...thisProcess(), pid: deadPid(), nonce: "earlier" }));
    await fsp.writeFile(path.join(renderDir(id), "attempt-1.mp4.partial"), "half a video");
    await fsp.writeFile(path.join(renderDir(id), "state.json"), JSON.stringify({ status: "running", progress: 0.5, etaSeconds: 1, message: null, errorCode: null, updatedAt: Date.now() }));

    const first = await localProvider.poll(submitted);
    expect(first.status).toBe("queued");
    expect(first.message).toMatch(/Starting again/);
    expect((await currentClaim(renderDir(id)))?.attempt).toBe(2);

    const done = await pollUntil(submitted, (u) => u.status === "succeeded" || u.status === "failed");
    expect(done.status).toBe("succeeded");
    const files = await fsp.readdir(renderDir(id));
    expect(files).toContain("out.mp4");
    expect(files.filter((f) => f.startsWith("attempt-"))).toEqual([]);
    const res = await localProvider.fetchOutput(submitted, done, AbortSignal.timeout(5000));
    expect(Number(res.headers.get("content-length"))).toBeGreaterThan(1000);
    await res.body?.cancel();
  });

  it("counts as tries only the attempts that began rendering: waiting in a dead process's queue uses none", async () => {
    const submitted = await localProvider.submit(job(), { webhookUrl: null, image: null });
    const id = submitted.providerJobId;
    await stopRender(id, "lost");
    // Three processes in a row claimed it and died while it still waited for a render slot.
    await deadClaims(id, [1, 2, 3], { started: false });
    const first = await localProvider.poll(submitted);
    expect(first.message).toMatch(/Starting again/);
    expect((await currentClaim(renderDir(id)))?.attempt).toBe(4);
    expect((await pollUntil(submitted, (u) => u.status === "succeeded" || u.status === "failed")).status).toBe("succeeded");
  });

  it("gives up after three attempts that each began rendering, with a sentence", async () => {
    const submitted = await localProvider.submit(job(), { webhookUrl: null, image: null });
    const id = submitted.providerJobId;
    await stopRender(id, "lost");
    await deadClaims(id, [1, 2, 3], { started: true });
    const update = await localProvider.poll(submitted);
    expect(update).toMatchObject({ status: "failed", errorCode: "internal" });
    expect(update.message).toMatch(/interrupted 3 times/);
  });

  it("is left alone while its owner may be alive (another machine, beating recently)", async () => {
    const submitted = await localProvider.submit(job({ durationSeconds: 10, resolution: "720p" }), { webhookUrl: null, image: null });
    const id = submitted.providerJobId;
    await stopRender(id, "lost");
    await claimAs(id, formatIdentity({ ...thisProcess(), host: "another-machine", pid: deadPid() }));
    const before = (await readState(renderDir(id)))!;
    expect((await localProvider.poll(submitted)).status).toBe(before.status);
    expect((await currentClaim(renderDir(id)))?.attempt).toBe(1);

    // Once its beat is older than the lease, it is free.
    await claimAs(id, formatIdentity({ ...thisProcess(), host: "another-machine", pid: deadPid() }), 60_000);
    expect(isFree(await currentClaim(renderDir(id)))).toBe(true);
    await localProvider.poll(submitted);
    expect((await currentClaim(renderDir(id)))?.attempt).toBe(2);
    await localProvider.cancel!(submitted);
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
  it("removes the folders of finished and deleted jobs, and strays only when old", async () => {
    const made = await Promise.all(["active", "finished", "fresh stray", "old stray"].map(() => localProvider.submit(job(), { webhookUrl: null, image: null })));
    const [active, finished, fresh, old] = made.map((m) => m.providerJobId) as [string, string, string, string];
    for (const id of [active, finished, fresh, old]) await stopRender(id, "lost");
    const longAgo = new Date(Date.now() - 7 * 3_600_000);
    await fsp.utimes(renderDir(old), longAgo, longAgo);
    const where: Record<string, "active" | "finished" | "unknown"> = { [active]: "active", [finished]: "finished", [fresh]: "unknown", [old]: "unknown" };
    const asked: Array<string | null> = [];
    await localProvider.sweep!(async (ref) => {
      asked.push(ref.jobId);
      return where[ref.providerJobId] ?? "active";
    });
    expect(fs.existsSync(renderDir(active))).toBe(true);
    expect(fs.existsSync(renderDir(fresh))).toBe(true);
    expect(fs.existsSync(renderDir(finished))).toBe(false);
    expect(fs.existsSync(renderDir(old))).toBe(false);
    // It says which job each folder was made for.
    expect(asked).toContain((await readParams(renderDir(active)))!.jobId);
  });
});

describe("a graceful stop", () => {
  it("hands the running and the waiting renders back, unclaimed and ready to start again", async () => {
    const running = await localProvider.submit(job({ durationSeconds: 10, resolution: "1080p" }), { webhookUrl: null, image: null });
    const waiting = await localProvider.submit(job(), { webhookUrl: null, image: null });
    await pollUntil(running, (u) => u.status === "running");
    await localProvider.stop!(0);
    for (const { providerJobId: id } of [running, waiting]) {
      expect((await readState(renderDir(id)))?.status).toBe("queued");
      expect(isFree(await currentClaim(renderDir(id)))).toBe(true);
      expect((await currentClaim(renderDir(id)))?.released).toBe(true);
      expect((await fsp.readdir(renderDir(id))).filter((f) => f.endsWith(".mp4") || f.endsWith(".partial"))).toEqual([]);
    }
    // A stopping process takes nothing over and starts nothing new.
    expect((await localProvider.poll(running)).status).toBe("queued");
    const late = await localProvider.submit(job(), { webhookUrl: null, image: null });
    expect(await currentClaim(renderDir(late.providerJobId))).toBeNull();
  });
});
