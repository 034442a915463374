/**
 * 4. Peak RSS of the production server (embedded worker) while it copies a ~500 MB output from a
 * loopback "CDN": the whole process tree (the app server, any children, ffprobe/ffmpeg), every ~50 ms.
 * Once per driver: into DATA_DIR on disk, and into a loopback S3 bucket (s3rver, running in this
 * bench process, so its memory is not counted) through multipart upload.
 */
import fs from "node:fs";
import path from "node:path";
import { startApp, type App } from "../e2e/support/app-server";
import { startLocalS3, type LocalS3 } from "../e2e/support/local-s3";
import { databaseTarget } from "../e2e/support/test-db";
import { closeDb, openDb } from "../lib/db/client";
import { savingReplicateJob } from "./copy";
import { treeRss, type ProcInfo } from "./proc";
import { median, onCleanup, round, serveFile, type Measurement } from "./util";

const TARGET_MB = 300;
const SAMPLE_MS = 50;
const COPY_TIMEOUT_MS = 180_000;

export async function benchCopyMemory(bigClip: string, dataDir: string, driver: "disk" | "s3" = "disk"): Promise<Measurement> {
  const name = `Peak server RSS copying a ${Math.round(fs.statSync(bigClip).size / 1048576)} MB output (${driver === "s3" ? "S3 bucket" : "local disk"})`;
  const id = driver === "s3" ? "copy_peak_rss_s3" : "copy_peak_rss";
  const server = await serveFile(bigClip);
  let app: App | null = null;
  let s3: LocalS3 | null = null;
  let sampler: NodeJS.Timeout | null = null;
  try {
    if (driver === "s3") s3 = await startLocalS3("dailies-bench");
    app = await startApp({
      dataDir,
      env: {
        WORKER: "embedded",
        REPLICATE_API_TOKEN: "bench",
        REPLICATE_BASE_URL: new URL(server.url).origin,
        MAX_OUTPUT_MB: "2048",
        ...(s3 ? s3.env("bench") : {}),
      },
    });
    const running = app;
    onCleanup(() => running.kill());
    const pid = app.child.pid!;
    // Load the polling route before the baseline, so the peak is the copy and not first-request code loading.
    await fetch(`${app.url}/api/jobs/bench_warmup_000000000`, { headers: app.auth }).then((r) => r.body?.cancel());

    const idle: number[] = [];
    for (let i = 0; i < 10; i++) {
      idle.push(treeRss(pid).totalMb);
      await new Promise((r) => setTimeout(r, SAMPLE_MS));
    }
    const baselineMb = median(idle);

    let peak = { totalMb: 0, procs: [] as ProcInfo[] };
    let peakNodeMb = 0;
    let samples = 0;
    sampler = setInterval(() => {
      const now = treeRss(pid);
      samples++;
      if (now.totalMb > peak.totalMb) peak = now;
      const nodeMb = now.procs.filter((p) => !/ff(mpeg|probe)/.test(p.name)).reduce((s, p) => s + p.rssKb, 0) / 1024;
      peakNodeMb = Math.max(peakNodeMb, nodeMb);
    }, SAMPLE_MS);

    const db = await openDb(databaseTarget(dataDir));
    const job = await savingReplicateJob(db, server.url, 0, null, app.userId);
    await closeDb(db);
    const t0 = performance.now();
    let status = "saving";
    let body: { status?: string; error?: { message?: string } | null; video?: { bytes?: number } | null } = {};
    while (status === "saving" && performance.now() - t0 < COPY_TIMEOUT_MS) {
      await new Promise((r) => setTimeout(r, 100));
      const res = await fetch(`${app.url}/api/jobs/${job.id}`, { headers: app.auth });
      if (res.ok) body = (await res.json()) as typeof body;
      status = body.status ?? status;
    }
    const copySeconds = (performance.now() - t0) / 1000;
    clearInterval(sampler);
    sampler = null;
    if (status !== "succeeded") throw new Error(`job ended ${status} after ${round(copySeconds, 1)} s: ${body.error?.message ?? ""}\n${app.output().slice(-1500)}`);
    // The copy really went where the driver says: the bucket (and not DATA_DIR), or DATA_DIR.
    const onDisk = fs.existsSync(path.join(dataDir, "videos", `${job.id}.mp4`));
    if (onDisk !== (driver === "disk")) throw new Error(`the video is ${onDisk ? "" : "not "}under DATA_DIR/videos with the ${driver} driver`);

    return {
      id,
      name,
      value: round(peak.totalMb, 1),
      unit: "MB",
      target: `< ${TARGET_MB}`,
      pass: peak.totalMb < TARGET_MB,
      details: {
        baselineRssMb: round(baselineMb, 1),
        peakRssMb: round(peak.totalMb, 1),
        peakNodeOnlyRssMb: round(peakNodeMb, 1),
        peakBreakdown: peak.procs.map((p) => `${p.name}(${p.pid}) ${round(p.rssKb / 1024, 1)} MB`),
        copySeconds: round(copySeconds, 1),
        storedBytes: body.video?.bytes,
        sourceBytes: fs.statSync(bigClip).size,
        samples,
        driver,
      },
    };
  } catch (err) {
    return { id, name, value: null, unit: "MB", target: `< ${TARGET_MB}`, pass: false, details: {}, error: String(err) };
  } finally {
    if (sampler) clearInterval(sampler);
    await app?.stop();
    await server.close();
    await s3?.close();
  }
}
