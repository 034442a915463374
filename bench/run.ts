/**
 * `npm run bench`: measures render speed, output-copy overhead, /media throughput, the server's
 * memory while copying a large output, the studio in Chromium (first-load JS, gallery LCP,
 * unchanged poll), its live updates (job succeeded → card ready, stream vs polling), kill -9
 * chaos (no job lost, nothing sent twice, no partial file served) and scale-out (100,000-job
 * gallery with search and LCP, 1,000 jobs in flight, 1,000 in flight with webhooks on SQLite and
 * Postgres, two servers ÷ one; bench/scale.ts), in one run
 * on this machine. Prints a table and writes bench/results/latest.json. Always exits 0: it is a
 * report, misses are printed loudly.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { cpuPressureAvg10 } from "./proc";
import { onCleanup, runCleanups, type Measurement } from "./util";

const ROOT = path.resolve(__dirname, "..");
const RESULTS = path.join(__dirname, "results", "latest.json");

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && /\.(ts|tsx|css)$/.test(entry.name)) newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

function buildWarning(): string | null {
  const id = path.join(ROOT, ".next", "BUILD_ID");
  if (!fs.existsSync(id)) return "no production build (.next/BUILD_ID): run `npx next build` first; server measurements will fail";
  const sources = ["app", "lib", "components"].filter((d) => fs.existsSync(path.join(ROOT, d)));
  if (Math.max(...sources.map((d) => newestMtime(path.join(ROOT, d)))) > fs.statSync(id).mtimeMs)
    return "the production build is older than the source: server measurements run the old code (`npm run bench` rebuilds)";
  return null;
}

/** CPU pressure (PSI, 10 s average) as each step started; it includes the previous step's own work. */
const pressure: Record<string, number | null> = {};

function step(label: string): () => void {
  const t0 = performance.now();
  const psi = cpuPressureAvg10();
  pressure[label] = psi;
  process.stdout.write(`[bench] ${label}…\n`);
  return () => process.stdout.write(`[bench]   done in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
}

function fmt(m: Measurement): string {
  if (m.value === null) return typeof m.details.skipped === "string" ? "skipped" : "error";
  return `${m.value} ${m.unit}`;
}

function printReport(ms: Measurement[]): void {
  const rows = ms.map((m, i) => [String(i + 1), m.name, fmt(m), m.target, m.pass ? "PASS" : "FAIL"]);
  const head = ["#", "measurement", "value", "target", "result"];
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (r: string[]) => r.map((cell, c) => cell.padEnd(widths[c]!)).join("  ");
  console.log("\n" + line(head));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const r of rows) console.log(line(r));
  console.log("");
  for (const m of ms) {
    const details = Object.entries(m.details)
      .map(([k, v]) => `${k}=${Array.isArray(v) ? `[${v.join(", ")}]` : typeof v === "object" ? JSON.stringify(v) : String(v)}`)
      .join("  ");
    console.log(`  ${m.id}: ${details}${m.error ? `\n    error: ${m.error.split("\n").slice(0, 6).join("\n    ")}` : ""}`);
  }
  const misses = ms.filter((m) => !m.pass);
  if (misses.length) {
    console.log("\n" + "!".repeat(72));
    for (const m of misses) console.log(`!!! MISSED: ${m.name}: ${fmt(m)} (target ${m.target})${m.error ? " [errored]" : ""}`);
    console.log("!".repeat(72));
  } else {
    console.log("\nAll targets met.");
  }
}

async function main(): Promise<void> {
  const started = new Date();
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "dailies-bench-"));
  onCleanup(() => fs.rmSync(scratch, { recursive: true, force: true }));
  const dirs = { inproc: path.join(scratch, "data-inproc"), media: path.join(scratch, "data-media"), memory: path.join(scratch, "data-memory"), memoryS3: path.join(scratch, "data-memory-s3"), studio: path.join(scratch, "data-studio"), live: path.join(scratch, "data-live"), work: path.join(scratch, "work") };
  for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });

  // Before any app module reads its configuration (lib/env.ts caches on first use).
  process.env.DATA_DIR = dirs.inproc;
  process.env.REPLICATE_API_TOKEN = "bench";
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  const { resetEnvCache } = await import("../lib/env");
  resetEnvCache();

  const warnings = [buildWarning()].filter((w): w is string => w !== null);
  const idlePressure = cpuPressureAvg10();
  if (idlePressure !== null && idlePressure > 20)
    warnings.push(`the machine was busy before the bench started (CPU pressure ${idlePressure}%): timings may be pessimistic`);
  for (const w of warnings) console.warn(`[bench] WARNING: ${w}`);

  const { ffmpegPath, ffprobePath } = await import("../lib/media/ffmpeg-path");
  const media = await import("./make-media");
  const ffmpeg = ffmpegPath();
  const ffmpegInfo = { ffmpeg, ffprobe: ffprobePath(), version: await media.ffmpegVersion(ffmpeg) };
  console.log(`[bench] ffmpeg: ${ffmpegInfo.ffmpeg} (${ffmpegInfo.version}); ffprobe: ${ffmpegInfo.ffprobe}`);

  const results: Measurement[] = [];
  let done = step("test media (20 MB clip cached in the temp dir, still)");
  const clip = await media.clip20mb(ffmpeg);
  const stillFile = await media.still(ffmpeg, dirs.work);
  done();

  done = step("1. local render (2 cases x 3 runs)");
  results.push(...(await (await import("./render")).benchRender(dirs.work, stillFile)));
  done();

  done = step("2. output copy overhead (5 + 5 runs, 1 warm-up each)");
  results.push(await (await import("./copy")).benchCopy(dirs.inproc, dirs.work, clip));
  done();

  done = step("3. /media throughput (npm start vs node:http)");
  results.push(...(await (await import("./media-throughput")).benchMediaThroughput(clip, dirs.media)));
  done();

  done = step("4. peak server RSS copying ~500 MB, to local disk and to a loopback S3 bucket");
  const big = await media.bigClip(ffmpeg, clip, dirs.work, 500);
  const { benchCopyMemory } = await import("./copy-memory");
  results.push(await benchCopyMemory(big, dirs.memory, "disk"));
  fs.rmSync(dirs.memory, { recursive: true, force: true });
  results.push(await benchCopyMemory(big, dirs.memoryS3, "s3"));
  fs.rmSync(big, { force: true });
  done();

  done = step("5. studio: first-load JS of / (build manifests, then fetched in Chromium), gallery LCP with 2,000 jobs, unchanged poll");
  results.push((await import("./first-load-manifest")).benchFirstLoadFromManifests(path.join(ROOT, ".next")));
  results.push(...(await (await import("./studio")).benchStudio(dirs.studio)));
  done();

  done = step("6. live updates: job succeeded → card ready in Chromium, event stream vs polling fallback (10 local jobs each)");
  results.push(...(await (await import("./live-updates")).benchLiveUpdates(dirs.live)));
  done();

  done = step("7. kill -9 chaos: local and remote jobs, random SIGKILLs of npm run worker, restarts on the same data");
  results.push(...(await (await import("./chaos")).benchChaos()));
  done();

  done = step("8. scale-out: gallery of 100,000 jobs (list, search, LCP), 1,000 jobs in flight, 1,000 in flight with webhooks and two servers ÷ one on SQLite and Postgres");
  results.push(...(await (await import("./scale")).benchScale()));
  done();

  printReport(results);
  const report = {
    startedAt: started.toISOString(),
    durationSeconds: Math.round((Date.now() - started.getTime()) / 1000),
    machine: { node: process.version, platform: `${os.platform()} ${os.release()}`, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, totalMemGB: Math.round(os.totalmem() / 1e9), loadavgAtEnd: os.loadavg().map((x) => Math.round(x * 100) / 100) },
    ffmpeg: ffmpegInfo,
    warnings,
    cpuPressureAvg10AtStart: idlePressure,
    cpuPressureAvg10AtStepStart: pressure,
    allPassed: results.every((r) => r.pass),
    measurements: results,
  };
  fs.mkdirSync(path.dirname(RESULTS), { recursive: true });
  fs.writeFileSync(RESULTS, JSON.stringify(report, null, 2) + "\n");
  console.log(`\n[bench] wrote ${path.relative(ROOT, RESULTS)} (${report.durationSeconds} s)`);
}

for (const sig of ["SIGINT", "SIGTERM"] as const) {
  process.once(sig, () => {
    console.error(`\n[bench] ${sig}: cleaning up`);
    void runCleanups().finally(() => process.exit(130));
  });
}

main()
  .catch((err) => {
    console.error("[bench] the benchmark itself failed:", err);
  })
  .finally(async () => {
    await runCleanups();
    // A report, not a gate: misses are in the table, not the exit code.
    process.exit(0);
  });
