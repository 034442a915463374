/**
 * The studio a browser spec runs against. By default one production server on its own DATA_DIR
 * (SQLite, local disk, the embedded worker), as `npm test` runs it. With DAILIES_TEST_SCALE=1
 * (`npm run test:scale` sets it, next to a throwaway Postgres) it is a deployment at scale: two web
 * servers with WORKER=off and two `npm run worker` processes on one Postgres database and one
 * loopback S3 bucket, each process with a DATA_DIR of its own (nothing may pass between them on
 * disk), behind a round-robin proxy whose address is the studio's URL and PUBLIC_URL. So a spec's
 * consecutive requests alternate between the two web servers, and its jobs run on either worker.
 */
import fs from "node:fs";
import { randomBytes } from "node:crypto";
import { startServer, startWorkerProcess, type App, type Server } from "./app-server";
import { startLocalS3 } from "./local-s3";
import { startRoundRobinProxy } from "./round-robin-proxy";
import { seedUser } from "./seed-user";
import { databaseFor, shareDatabase, tempDataDir } from "./test-db";
import { testPostgresUrl } from "./test-postgres";

export interface DeploymentOptions {
  env?: Record<string, string>;
  /** PUBLIC_URL is the studio's own URL (the proxy's, at scale), so providers' webhooks reach it. */
  publicUrl?: boolean;
}

/** Whether this run puts browser specs on the scaled deployment (test harness, not the app: it reads lib/env.ts). */
export function scaleMode(): boolean {
  if (process.env.DAILIES_TEST_SCALE !== "1") return false;
  if (!testPostgresUrl()) throw new Error("DAILIES_TEST_SCALE=1 needs a test Postgres: run through `npm run test:scale`.");
  return true;
}

/** Starts the studio; `dataDir` is the first web server's (seeding and stored-file helpers find the database and bucket from it). */
export async function startDeployment(opts: DeploymentOptions = {}): Promise<Server> {
  if (!scaleMode()) return startServer({ publicUrl: opts.publicUrl, env: opts.env });
  return startScaled(opts);
}

/** The studio plus its owner with an API token, as startApp (app-server) gives for one server. */
export async function startDeploymentApp(opts: DeploymentOptions = {}): Promise<App> {
  const server = await startDeployment(opts);
  try {
    const owner = await seedUser(server.dataDir, { name: "Owner", owner: true });
    return { ...server, owner, userId: owner.userId, token: owner.token, auth: owner.auth };
  } catch (err) {
    await server.stop();
    throw err;
  }
}

async function startScaled(opts: DeploymentOptions): Promise<Server> {
  const s3 = await startLocalS3();
  const proxy = await startRoundRobinProxy();
  const dirs = [tempDataDir("dailies-web-a-"), tempDataDir("dailies-web-b-"), tempDataDir("dailies-worker-1-"), tempDataDir("dailies-worker-2-")];
  const [dirA, dirB, dirW1, dirW2] = dirs as [string, string, string, string];
  const started: Array<{ stop(): Promise<void>; kill(): Promise<void> }> = [];
  const stopAll = async (how: "stop" | "kill") => {
    // Workers first, so none of them posts to a web server that is already gone.
    for (const p of [...started].reverse()) await p[how]();
    await proxy.close();
    await s3.close();
  };
  try {
    await databaseFor(dirA);
    for (const dir of [dirB, dirW1, dirW2]) shareDatabase(dirA, dir);
    // One instance on many machines shares its secret through the environment, never through a disk.
    const shared = {
      APP_SECRET: randomBytes(32).toString("base64url"),
      ...s3.env("studio"),
      ...(opts.publicUrl ? { PUBLIC_URL: proxy.url } : {}),
      ...opts.env,
      WORKER: "off",
    };
    const [a, b] = await Promise.all([startServer({ dataDir: dirA, env: shared }), startServer({ dataDir: dirB, env: shared })]);
    started.push(a, b);
    proxy.route([a.url, b.url]);
    // Each worker reports local renders to one of the web servers directly (INTERNAL_URL), as inside a private network.
    const workers = await Promise.all([
      startWorkerProcess({ env: a.env, url: a.url }, { DATA_DIR: dirW1 }),
      startWorkerProcess({ env: b.env, url: b.url }, { DATA_DIR: dirW2 }),
    ]);
    started.push(...workers);
    const log = interleavedLog({ "web-a": a, "web-b": b, "worker-1": workers[0], "worker-2": workers[1] });
    const end = (how: "stop" | "kill") => async () => {
      await stopAll(how);
      for (const dir of dirs.slice(1)) fs.rmSync(dir, { recursive: true, force: true });
    };
    const url = new URL(proxy.url);
    return { ...a, url: proxy.url, port: Number(url.port), output: log, stop: end("stop"), kill: end("kill") };
  } catch (err) {
    await stopAll("kill");
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}

/** The processes' output from now on, line by line in the order it arrived, each line labelled with its process. */
function interleavedLog(procs: Record<string, { child: import("node:child_process").ChildProcess }>): () => string {
  let out = "";
  for (const [name, { child }] of Object.entries(procs)) {
    let partial = "";
    const onData = (d: Buffer) => {
      const lines = (partial + d.toString()).split("\n");
      partial = lines.pop()!;
      for (const line of lines) out += `[${name}] ${line}\n`;
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
  }
  return () => out;
}
