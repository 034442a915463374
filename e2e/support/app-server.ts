/**
 * Runs the real production server (`npm start`'s entry, scripts/start.mjs, on the build `npm test`
 * made beforehand) or the standalone worker as child processes, each test with its own DATA_DIR
 * and settings.
 * `startApp` also seeds the instance owner with an API token, since the API needs a viewer.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { seedUser, type SeededUser } from "./seed-user";
import { rememberServerEnv } from "./stored-files";
import { databaseFor, tempDataDir } from "./test-db";

const ROOT = path.resolve(__dirname, "../..");

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** Fast cadences so tests finish quickly; each test can override. */
const TEST_DEFAULTS: Record<string, string> = {
  WORKER_TICK_MS: "100",
  POLL_MIN_MS: "150",
  POLL_MAX_MS: "600",
  WORKER_LEASE_MS: "3000",
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
};

interface RunningProcess {
  child: ChildProcess;
  output: () => string;
  /** SIGTERM and wait. */
  stop(): Promise<void>;
  /** SIGKILL and wait: a crash. */
  kill(): Promise<void>;
}

/** Process groups this test process started; killed when it exits, so no server or worker outlives a test run. */
const groups = new Set<number>();
process.once("exit", () => {
  for (const pid of groups) signalGroup(pid, "SIGKILL");
});

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // the group is already gone
  }
}

/**
 * Each child leads its own process group and is signalled as a group, as a container's processes
 * are: a SIGKILL to the leader alone would leave its own children running (ffmpeg renders; with
 * tsx's CLI, the worker itself: a "crash" that crashed nothing, and a stray worker after the test).
 */
function run(cmd: string, args: string[], env: Record<string, string>): RunningProcess {
  const child = spawn(cmd, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"], detached: true });
  const pid = child.pid!;
  groups.add(pid);
  let out = "";
  child.stdout?.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) signalGroup(pid, signal);
    await exited;
    // whatever of the group outlived its leader (a grandchild still stopping) goes too
    signalGroup(pid, "SIGKILL");
    groups.delete(pid);
  };
  return { child, output: () => out, stop: () => end("SIGTERM"), kill: () => end("SIGKILL") };
}

export interface Server extends RunningProcess {
  url: string;
  port: number;
  dataDir: string;
  env: Record<string, string>;
}

interface ServerOptions {
  env?: Record<string, string>;
  dataDir?: string;
  publicUrl?: boolean;
}

/** The production server with no accounts yet, as a fresh install is. */
export async function startServer(opts: ServerOptions = {}): Promise<Server> {
  if (!fs.existsSync(path.join(ROOT, ".next", "BUILD_ID")))
    throw new Error("No production build: run `npx next build` (npm test does this) before these tests.");
  const port = await freePort();
  const dataDir = opts.dataDir ?? tempDataDir();
  const url = `http://127.0.0.1:${port}`;
  const database = await databaseFor(dataDir);
  const env = { ...TEST_DEFAULTS, PORT: String(port), DATA_DIR: dataDir, ...database, ...(opts.publicUrl ? { PUBLIC_URL: url } : {}), ...opts.env };
  rememberServerEnv(dataDir, env);
  // The same entry as `npm start`: it gives the app the socket's address and keeps Content-Length on media.
  const proc = run(process.execPath, [path.join(ROOT, "scripts/start.mjs"), "-p", String(port), "-H", "127.0.0.1"], env);
  // /api/health opens (and so migrates) the database, which seeding users (startApp) relies on.
  await waitFor(async () => (await fetch(`${url}/api/health`).catch(() => null))?.ok === true, 30_000, () => `server did not start:\n${proc.output()}`, proc);
  return { ...proc, url, port, dataDir, env };
}

/** A server plus its owner, who has an API token; as an `ApiClient` it asks as that owner. */
export interface App extends Server {
  owner: SeededUser;
  userId: string;
  token: string;
  auth: { authorization: string };
}

export async function startApp(opts: ServerOptions = {}): Promise<App> {
  return withOwner(await startServer(opts));
}

/** The server plus its owner with an API token; the server is stopped if seeding fails. */
export async function withOwner(server: Server): Promise<App> {
  try {
    const owner = await seedUser(server.dataDir, { name: "Owner", owner: true });
    return { ...server, owner, userId: owner.userId, token: owner.token, auth: owner.auth };
  } catch (err) {
    await server.stop();
    throw err;
  }
}

/** `npm run worker` equivalent, sharing an app's DATA_DIR and settings. */
export async function startWorkerProcess(
  app: Pick<Server, "env" | "url">,
  extraEnv: Record<string, string> = {},
  opts: { startTimeoutMs?: number } = {},
): Promise<RunningProcess> {
  // tsx as a loader in the one node process (not its CLI, which runs the script in a second
  // process): the process a test kills with SIGKILL is then the worker itself, as `kill -9 <pid>` is.
  const tsx = path.join(ROOT, "node_modules/tsx/dist/loader.mjs");
  const proc = run(process.execPath, ["--import", tsx, "--conditions=react-server", "lib/worker/main.ts"], {
    ...app.env,
    INTERNAL_URL: app.url,
    ...extraEnv,
  });
  await waitFor(() => proc.output().includes("[worker] running"), opts.startTimeoutMs ?? 30_000, () => `worker did not start:\n${proc.output()}`, proc);
  return proc;
}

/** Waits for a condition by checking it repeatedly, up to a time limit (never a fixed sleep). */
export async function waitFor(
  check: () => boolean | Promise<boolean>,
  timeoutMs: number,
  describe: () => string = () => "condition",
  proc?: RunningProcess,
): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (proc && proc.child.exitCode !== null) throw new Error(`process exited: ${describe()}`);
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms: ${describe()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
