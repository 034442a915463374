/**
 * 2. Output copy overhead: our saveOutput (Replicate adapter → streamed, capped download → probe →
 * playable check → WebP poster → rename into storage → succeeded) against the bare minimum
 * (fetch → file, ffprobe, the same poster command) on the same ~20 MB file from a loopback server.
 */
import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { closeDb, openDb, type Db } from "../lib/db/client";
import { getJob } from "../lib/db/queries/jobs";
import { ffmpegPath, ffprobePath } from "../lib/media/ffmpeg-path";
import { storage } from "../lib/storage";
import type { WorkerContext } from "../lib/worker/context";
import { saveOutput } from "../lib/worker/save-output";
import { databaseTarget, seedJob } from "../e2e/support/test-db";
import { median, round, run, serveFile, timed, type Measurement } from "./util";

const RUNS = 5;
const TARGET = 1.3;
const OWNER = "bench_copy_worker";

/** A job the Replicate adapter has just reported as succeeded, leased to us (the worker) and owned by `userId`. */
export function savingReplicateJob(db: Db, url: string, i: number, owner: string | null, userId = "bench_user") {
  const now = Date.now();
  const predictionId = `benchpred${now.toString(36)}${i}`;
  return seedJob(db, {
    userId,
    provider: "replicate",
    model: "replicate:google/veo-3.1-fast",
    prompt: "benchmark output copy",
    resolution: "720p",
    durationSeconds: 4,
    status: "saving",
    progress: 1,
    providerJobId: predictionId,
    outputUrl: url,
    outputUpdate: {
      status: "succeeded",
      outputUrl: url,
      raw: { id: predictionId, status: "succeeded", output: url, completed_at: new Date().toISOString(), data_removed: false },
    },
    leaseOwner: owner,
    leaseUntil: owner ? now + 60_000 : null,
    nextCheckAt: now,
  });
}

async function ours(ctx: WorkerContext, url: string, i: number): Promise<number> {
  const job = await savingReplicateJob(ctx.db, url, i, OWNER);
  const ms = await timed(() => saveOutput(ctx, job));
  const after = await getJob(ctx.db, job.id);
  if (after?.status !== "succeeded") throw new Error(`job ended ${after?.status}: ${after?.errorCode} ${after?.errorMessage}`);
  await storage().delete(after.videoKey!);
  await storage().delete(after.posterKey!);
  return ms;
}

async function baseline(url: string, dir: string, i: number): Promise<number> {
  const raw = path.join(dir, `base-${i}.mp4`);
  const poster = path.join(dir, `base-${i}.webp`);
  const ms = await timed(async () => {
    const res = await fetch(url);
    if (!res.ok || !res.body) throw new Error(`baseline GET answered ${res.status}`);
    await pipeline(Readable.fromWeb(res.body as WebReadableStream<Uint8Array>), fs.createWriteStream(raw));
    await run(ffprobePath(), ["-v", "error", "-print_format", "json", "-show_format", "-show_streams", raw]);
    await run(ffmpegPath(), [
      "-v", "error", "-nostdin", "-y", "-ss", "1.000", "-i", raw,
      "-an", "-frames:v", "1", "-vf", "scale=640:-2", "-c:v", "libwebp", "-quality", "80", "-f", "webp", poster,
    ]);
  });
  fs.rmSync(raw, { force: true });
  fs.rmSync(poster, { force: true });
  return ms;
}

export async function benchCopy(dataDir: string, scratchDir: string, clip: string): Promise<Measurement> {
  const server = await serveFile(clip);
  const db = await openDb(databaseTarget(dataDir));
  const ctx: WorkerContext = { db, owner: OWNER, leaseMs: 60_000, cadence: { pollMinMs: 1000, pollMaxMs: 5000 }, now: Date.now };
  const name = "Output copy: saveOutput vs fetch+ffprobe+poster (median ratio)";
  try {
    await ours(ctx, server.url, 0);
    await baseline(server.url, scratchDir, 0);
    const a: number[] = [];
    const b: number[] = [];
    for (let i = 1; i <= RUNS; i++) {
      a.push(await ours(ctx, server.url, i));
      b.push(await baseline(server.url, scratchDir, i));
    }
    const ratio = median(a) / median(b);
    return {
      id: "copy_overhead",
      name,
      value: round(ratio, 3),
      unit: "ratio",
      target: `<= ${TARGET}`,
      pass: ratio <= TARGET,
      details: {
        fileMB: round(fs.statSync(clip).size / 1048576, 1),
        oursMedianMs: Math.round(median(a)),
        baselineMedianMs: Math.round(median(b)),
        oursMs: a.map(Math.round),
        baselineMs: b.map(Math.round),
      },
    };
  } catch (err) {
    return { id: "copy_overhead", name, value: null, unit: "ratio", target: `<= ${TARGET}`, pass: false, details: {}, error: String(err) };
  } finally {
    await closeDb(db);
    await server.close();
  }
}
