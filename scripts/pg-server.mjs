// A throwaway PostgreSQL server: initdb in a temporary directory (as the `postgres` user when run
// as root, since Postgres refuses to run as root), started on a free loopback port with the
// database `dailies`. Shared by scripts/pg-test-server.mjs (tests) and the benchmark (bench/dialects.ts),
// so both measure and test the same server setup.
//
// It is durable only as long as it runs (fsync off): for tests and benchmarks, never for data.
// Binaries: PG_BIN if set, else the newest /usr/lib/postgresql/<version>/bin, else PATH.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";

const DATABASE = "dailies";

/** The directory of initdb and pg_ctl, or null when PostgreSQL is not installed. */
export function findPgBin() {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = "/usr/lib/postgresql";
  const versions = fs.existsSync(root) ? fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, "bin", "initdb"))) : [];
  versions.sort((a, b) => Number(b) - Number(a));
  if (versions.length) return path.join(root, versions[0], "bin");
  const found = spawnSync("sh", ["-c", "command -v initdb"], { encoding: "utf8" }).stdout.trim();
  return found ? path.dirname(found) : null;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Starts a server; resolves with its DATABASE_URL and a synchronous `stop` (safe in an exit
 * handler) that stops it and removes its directory.
 */
export async function startPgServer() {
  const bin = findPgBin();
  if (!bin) throw new Error("PostgreSQL is not installed: install it (Debian: apt-get install -y postgresql) or set PG_BIN to its bin directory.");
  const asRoot = process.getuid?.() === 0;
  /** Runs a Postgres program, as the postgres user when we are root. */
  const pgRun = (program, args) => {
    const exe = path.join(bin, program);
    const [cmd, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", exe, ...args]] : [exe, args];
    const res = spawnSync(cmd, argv, { encoding: "utf8" });
    if (res.status !== 0) throw new Error(`${program} failed (${res.status}):\n${res.stdout ?? ""}${res.stderr ?? ""}`);
    return res.stdout;
  };

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dailies-pg-"));
  const dataDir = path.join(dir, "data");
  const logFile = path.join(dir, "server.log");
  let started = false;
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    if (started) {
      try {
        pgRun("pg_ctl", ["-D", dataDir, "-m", "immediate", "-w", "stop"]);
      } catch (err) {
        console.error(`[pg-server] stop failed: ${err.message}`);
      }
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };

  try {
    if (asRoot) {
      let ids;
      try {
        ids = ["-u", "-g"].map((flag) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] })));
      } catch {
        throw new Error("Running as root needs a `postgres` user to run the server as (Debian's postgresql package creates it).");
      }
      fs.chownSync(dir, ids[0], ids[1]);
    }
    fs.chmodSync(dir, 0o700);
    pgRun("initdb", ["-D", dataDir, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C", "-N"]);

    let url;
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      const options = [
        `-h 127.0.0.1 -p ${port} -k ${dir}`,
        "-c fsync=off -c synchronous_commit=off -c full_page_writes=off",
        "-c max_connections=300 -c shared_buffers=64MB",
      ].join(" ");
      try {
        pgRun("pg_ctl", ["-D", dataDir, "-l", logFile, "-o", options, "-w", "-t", "60", "start"]);
        started = true;
        url = `postgres://postgres@127.0.0.1:${port}/${DATABASE}`;
        break;
      } catch (err) {
        // Another process took the port between our probe and the start: try another one.
        if (attempt >= 3) {
          console.error(fs.existsSync(logFile) ? fs.readFileSync(logFile, "utf8") : "");
          throw err;
        }
      }
    }

    const admin = new pg.Client({ connectionString: url.replace(/\/[^/]+$/, "/postgres") });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${DATABASE}`);
    await admin.end();
    return { url, stop };
  } catch (err) {
    stop();
    throw err;
  }
}
