/**
 * 3. /media throughput: the production server's range route against a minimal node:http +
 * fs.createReadStream server (its own child process), same file, same client.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { storageOf } from "../e2e/support/stored-files";
import { startApp, type App } from "../e2e/support/app-server";
import { databaseTarget, seedJob } from "../e2e/support/test-db";
import { closeDb, openDb } from "../lib/db/client";
import { treeCpuSeconds } from "./proc";
import { download, median, onCleanup, round, type Measurement } from "./util";

const DOWNLOADS = 20;
const CONCURRENCY = 4;
/** Passes alternate the servers (and which goes first); the ratio is the median of per-pass ratios, so load drift cancels. */
const PASSES = 5;
const TARGET = 0.7;

interface Target {
  label: string;
  url: string;
  pid: number;
  agent: http.Agent;
  headers: Record<string, string>;
}

async function startBaseline(file: string): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, [path.join(__dirname, "static-server.mjs"), file], { stdio: ["ignore", "pipe", "inherit"] });
  onCleanup(() => void child.kill("SIGKILL"));
  const port = await new Promise<number>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /listening (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.once("exit", (code) => reject(new Error(`baseline server exited (${code})`)));
  });
  return { child, port };
}

/** MB/s and server CPU seconds per GB for `DOWNLOADS` full downloads, `parallel` at a time. */
async function measure(t: Target, parallel: number): Promise<{ mbps: number; cpuSecPerGB: number }> {
  let next = 0;
  let bytes = 0;
  const cpu0 = treeCpuSeconds(t.pid);
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < DOWNLOADS) {
        next++;
        bytes += await download(t.url, t.agent, t.headers);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  const cpu = treeCpuSeconds(t.pid) - cpu0;
  return { mbps: bytes / 1048576 / seconds, cpuSecPerGB: cpu / (bytes / 1073741824) };
}

export async function benchMediaThroughput(clip: string, dataDir: string): Promise<Measurement[]> {
  const id = randomBytes(16).toString("base64url");
  const size = fs.statSync(clip).size;

  let app: App | null = null;
  let base: { child: ChildProcess; port: number } | null = null;
  try {
    app = await startApp({ dataDir, env: { WORKER: "off" } });
    const running = app;
    onCleanup(() => running.kill());
    await storageOf(dataDir).putFile(`videos/${id}.mp4`, clip);
    // /media serves only files of the asker's own jobs.
    const db = await openDb(databaseTarget(dataDir));
    await seedJob(db, { id, userId: app.userId, status: "succeeded", progress: 1, videoKey: `videos/${id}.mp4`, videoBytes: size });
    await closeDb(db);
    base = await startBaseline(clip);
    const targets: Target[] = [
      { label: "ours", url: `${app.url}/media/videos/${id}.mp4`, pid: app.child.pid!, agent: new http.Agent({ keepAlive: true }), headers: app.auth },
      { label: "baseline", url: `http://127.0.0.1:${base.port}/video.mp4`, pid: base.child.pid!, agent: new http.Agent({ keepAlive: true }), headers: {} },
    ];
    for (const t of targets) {
      for (let i = 0; i < 3; i++) {
        const got = await download(t.url, t.agent, t.headers);
        if (got !== size) throw new Error(`${t.label} sent ${got} bytes, expected ${size}`);
      }
    }

    const out: Measurement[] = [];
    for (const parallel of [1, CONCURRENCY]) {
      const runs: Record<string, { mbps: number; cpuSecPerGB: number }[]> = { ours: [], baseline: [] };
      for (let p = 0; p < PASSES; p++) {
        const order = p % 2 ? [...targets].reverse() : targets;
        for (const t of order) runs[t.label]!.push(await measure(t, parallel));
      }
      const ours = runs.ours!;
      const base = runs.baseline!;
      const ratio = median(ours.map((r, i) => r.mbps / base[i]!.mbps));
      const best = (rs: typeof ours) => Math.max(...rs.map((r) => r.mbps));
      out.push({
        id: parallel === 1 ? "media_throughput_seq" : `media_throughput_c${parallel}`,
        name: `/media throughput, ${parallel === 1 ? "sequential" : `${parallel} concurrent`} (ours / node:http, median of ${PASSES})`,
        value: round(ratio, 3),
        unit: "ratio",
        target: `>= ${TARGET}`,
        pass: ratio >= TARGET,
        details: {
          oursMBps: ours.map((r) => Math.round(r.mbps)),
          baselineMBps: base.map((r) => Math.round(r.mbps)),
          bestOfRatio: round(best(ours) / best(base), 3),
          oursServerCpuSecPerGB: round(median(ours.map((r) => r.cpuSecPerGB))),
          baselineServerCpuSecPerGB: round(median(base.map((r) => r.cpuSecPerGB))),
          downloadsPerPass: DOWNLOADS,
          passes: PASSES,
          fileMB: round(size / 1048576, 1),
        },
      });
    }
    for (const t of targets) t.agent.destroy();
    return out;
  } catch (err) {
    const fail = (id: string, name: string): Measurement => ({ id, name, value: null, unit: "ratio", target: `>= ${TARGET}`, pass: false, details: {}, error: String(err) });
    return [fail("media_throughput_seq", "/media throughput, sequential"), fail(`media_throughput_c${CONCURRENCY}`, `/media throughput, ${CONCURRENCY} concurrent`)];
  } finally {
    base?.child.kill("SIGKILL");
    await app?.stop();
  }
}
