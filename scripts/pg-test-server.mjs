#!/usr/bin/env node
// A throwaway PostgreSQL server for tests (scripts/pg-server.mjs), handing out DATABASE_URL.
// Stopped and removed on exit.
//
//   node scripts/pg-test-server.mjs -- <command> [args...]   runs the command with DATABASE_URL set
//   node scripts/pg-test-server.mjs                          prints DATABASE_URL, runs until Ctrl-C
import { spawn } from "node:child_process";
import { startPgServer } from "./pg-server.mjs";

const { url, stop } = await startPgServer();
process.on("exit", stop);

const command = process.argv.slice(process.argv.indexOf("--") + 1);
if (process.argv.includes("--") && command.length) {
  const child = spawn(command[0], command.slice(1), { stdio: "inherit", env: { ...process.env, DATABASE_URL: url } });
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
  child.on("exit", (code, signal) => {
    stop();
    process.exit(code ?? (signal ? 1 : 0));
  });
} else {
  console.log(`DATABASE_URL=${url}`);
  console.log("[pg-test-server] running; Ctrl-C stops and removes it");
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => process.exit(0));
  setInterval(() => undefined, 1 << 30);
}
