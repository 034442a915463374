/**
 * A deployment at scale, as the README's "Running at scale" describes it: N web servers with
 * WORKER=off and M `npm run worker` processes on one Postgres database (the run's test server) and
 * one loopback S3 bucket, each process with a DATA_DIR of its own (nothing may pass between them on
 * disk) and one APP_SECRET from the environment, behind a round-robin proxy whose address is the
 * studio's URL, PUBLIC_URL and the workers' INTERNAL_URL. Any process can be SIGKILLed and
 * restarted on the same data; a killed web server is first taken out of the proxy's rotation, as a
 * load balancer's health check would.
 */
import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { startServer, startWorkerProcess, type Server } from "./app-server";
import { startLocalS3, type LocalS3 } from "./local-s3";
import { startRoundRobinProxy, type RoundRobinProxy } from "./round-robin-proxy";
import { databaseFor, shareDatabase, tempDataDir } from "./test-db";
import { testPostgresUrl } from "./test-postgres";

type Process = Awaited<ReturnType<typeof startWorkerProcess>>;

export interface ScaledOptions {
  env?: Record<string, string>;
  /** PUBLIC_URL is the proxy's address, so providers' webhooks reach the studio. */
  publicUrl?: boolean;
  webServers?: number;
  workers?: number;
  /** Bound on a worker's start (a limit, not a wait); a busy machine needs more. */
  workerStartTimeoutMs?: number;
}

export interface ScaledDeployment {
  /** The studio as one server: the proxy's URL, the first web server's DATA_DIR and settings, every process's log. */
  studio: Server;
  proxy: RoundRobinProxy;
  s3: LocalS3;
  webs: Server[];
  workers: Process[];
  /** SIGKILLs web server `i` (out of the proxy's rotation first) and starts it again on its DATA_DIR. */
  crashWeb(i: number): Promise<void>;
  /** SIGKILLs worker `i` and starts it again on its DATA_DIR. */
  crashWorker(i: number): Promise<void>;
  stop(): Promise<void>;
}

export async function startScaledDeployment(opts: ScaledOptions = {}): Promise<ScaledDeployment> {
  if (!testPostgresUrl()) throw new Error("A deployment at scale needs the test Postgres: run through `npm run test:scale`.");
  const nWeb = opts.webServers ?? 2;
  const nWorkers = opts.workers ?? 2;
  const s3 = await startLocalS3();
  const proxy = await startRoundRobinProxy();
  const webDirs = Array.from({ length: nWeb }, (_, i) => tempDataDir(`dailies-web-${i}-`));
  const workerDirs = Array.from({ length: nWorkers }, (_, i) => tempDataDir(`dailies-worker-${i}-`));
  const webs: Server[] = [];
  const workers: Process[] = [];
  const log = new InterleavedLog();
  const removeDirs = () => {
    for (const dir of [...webDirs.slice(1), ...workerDirs]) fs.rmSync(dir, { recursive: true, force: true });
  };
  const stopAll = async (how: "stop" | "kill") => {
    // Workers first, so none of them reports to a web server that is already gone.
    for (const p of workers) await p[how]();
    for (const p of webs) await p[how]();
    await proxy.close();
    await s3.close();
  };
  try {
    await databaseFor(webDirs[0]!);
    for (const dir of [...webDirs.slice(1), ...workerDirs]) shareDatabase(webDirs[0]!, dir);
    // One instance on many machines shares its secret through the environment, never through a disk.
    const shared = {
      APP_SECRET: randomBytes(32).toString("base64url"),
      ...s3.env("studio"),
      ...(opts.publicUrl ? { PUBLIC_URL: proxy.url } : {}),
      ...opts.env,
      INTERNAL_URL: proxy.url,
      WORKER: "off",
    };
    const startWeb = async (i: number) => {
      const web = await startServer({ dataDir: webDirs[i]!, env: shared });
      log.follow(`web-${i}`, web.child);
      return web;
    };
    const startWorker = async (i: number) => {
      const worker = await startWorkerProcess({ env: webs[0]!.env, url: proxy.url }, { DATA_DIR: workerDirs[i]! }, { startTimeoutMs: opts.workerStartTimeoutMs });
      log.follow(`worker-${i}`, worker.child);
      return worker;
    };
    const route = () => proxy.route(webs.filter(Boolean).map((w) => w.url));
    webs.push(...(await Promise.all(webDirs.map((_, i) => startWeb(i)))));
    route();
    workers.push(...(await Promise.all(workerDirs.map((_, i) => startWorker(i)))));

    const first = webs[0]!;
    const studio: Server = {
      ...first,
      url: proxy.url,
      port: Number(new URL(proxy.url).port),
      output: () => log.text,
      stop: async () => {
        await stopAll("stop");
        removeDirs();
      },
      kill: async () => {
        await stopAll("kill");
        removeDirs();
      },
    };
    return {
      studio,
      proxy,
      s3,
      webs,
      workers,
      async crashWeb(i) {
        proxy.route(webs.filter((_, j) => j !== i).map((w) => w.url));
        await webs[i]!.kill();
        webs[i] = await startWeb(i);
        route();
      },
      async crashWorker(i) {
        await workers[i]!.kill();
        workers[i] = await startWorker(i);
      },
      stop: studio.stop,
    };
  } catch (err) {
    await stopAll("kill");
    for (const dir of [...webDirs, ...workerDirs]) fs.rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}

/** The processes' output from when they are followed, line by line in the order it arrived, each line labelled with its process. */
class InterleavedLog {
  text = "";
  follow(name: string, child: ChildProcess): void {
    let partial = "";
    const onData = (d: Buffer) => {
      const lines = (partial + d.toString()).split("\n");
      partial = lines.pop()!;
      for (const line of lines) this.text += `[${name}] ${line}\n`;
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
  }
}
