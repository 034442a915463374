/**
 * Step 5 alone, after `npx next build`: first-load JS of `/` from the build manifests (cheap,
 * reads files) and, with `--studio`, the studio in Chromium (first-load JS fetched, gallery LCP
 * with 2,000 jobs, unchanged poll). Prints the measurements as JSON. Always exits 0, like run.ts.
 * `npx tsx --conditions=react-server bench/run-first-load.ts [--studio]`
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { benchFirstLoadFromManifests } from "./first-load-manifest";
import { onCleanup, runCleanups, type Measurement } from "./util";

async function main(): Promise<void> {
  const results: Measurement[] = [benchFirstLoadFromManifests(path.resolve(__dirname, "..", ".next"))];
  if (process.argv.includes("--studio")) {
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "dailies-bench-studio-"));
    onCleanup(() => fs.rmSync(scratch, { recursive: true, force: true }));
    process.env.NEXT_TELEMETRY_DISABLED = "1";
    results.push(...(await (await import("./studio")).benchStudio(scratch)));
  }
  for (const m of results) {
    console.log(JSON.stringify(m));
    console.log(`${m.pass ? "PASS" : "MISSED"}: ${m.name}: ${m.value ?? "error"} ${m.unit} (target ${m.target})`);
  }
}

main()
  .catch((err) => console.error("[bench] failed:", err))
  .finally(async () => {
    await runCleanups();
    process.exit(0);
  });
