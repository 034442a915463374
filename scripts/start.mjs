// `npm start`: a production server. Builds first when there is no build yet (a fresh clone),
// so `npm install && npm start` works; run `npm run build` yourself after pulling changes.
import { spawnSync, spawn } from "node:child_process";
import fs from "node:fs";

const next = "node_modules/.bin/next";
if (!fs.existsSync(".next/BUILD_ID")) {
  console.log("No production build yet: running `next build` once...");
  const built = spawnSync(next, ["build"], { stdio: "inherit" });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
const server = spawn(next, ["start", ...process.argv.slice(2)], { stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
