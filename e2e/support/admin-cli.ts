/**
 * Runs `npm run admin -- …` (its tsx entry, as npm would) as a child process on a studio's DATA_DIR,
 * and on its Postgres database under `npm run test:scale` (the one withDb and startServer use).
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { databaseFor } from "./test-db";

const ROOT = path.resolve(__dirname, "../..");

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export async function runAdminCli(dataDir: string, args: string[], opts: { stdin?: string; env?: Record<string, string> } = {}): Promise<CliResult> {
  const tsx = path.join(ROOT, "node_modules/tsx/dist/cli.mjs");
  const database = await databaseFor(dataDir);
  const child = spawn(process.execPath, [tsx, "--conditions=react-server", "lib/admin/main.ts", ...args], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: "production", DATA_DIR: dataDir, ...database, ...opts.env },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  child.stdin.end(opts.stdin ?? "");
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => resolve({ code, stdout, stderr }));
  });
}
