/**
 * Only the scale-out measurements (bench/scale.ts), for a quick look without the whole `npm run bench`:
 * `npx tsx --conditions=react-server bench/run-scale.ts [gallery-100k|inflight-1000|webhooks-inflight-1000|webhooks-two-servers…]`,
 * or under `node scripts/pg-test-server.mjs -- …` for Postgres (the gallery and the first in-flight step run on
 * the run's dialect; the webhook steps on SQLite and on Postgres either way, starting one when the run has none).
 * Needs a production build (`npx next build`).
 */
import { runCleanups } from "./util";

async function main(): Promise<void> {
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  const { benchScale } = await import("./scale");
  for (const m of await benchScale(process.argv.slice(2))) {
    console.log(`${m.pass ? "PASS" : "FAIL"}  ${m.name}: ${m.value ?? (m.details.skipped ? "skipped" : "error")} ${m.unit}  ${JSON.stringify(m.details)}${m.error ? `\n  ${m.error.split("\n").slice(0, 8).join("\n  ")}` : ""}`);
  }
}

main()
  .catch((err) => console.error("[bench] failed:", err))
  .finally(async () => {
    await runCleanups();
    process.exit(0);
  });
