/**
 * 7. kill -9 chaos, the larger run (the suite's is e2e/chaos-kill.test.ts): local previews and
 * remote jobs through an `npm run worker` SIGKILLed at random points of recorded progress and
 * restarted on the same data. Targets: every job terminal and succeeded, no submission twice,
 * no partial file served.
 */
import { runChaos } from "../e2e/support/chaos";
import type { Measurement } from "./util";

const LOCAL = 12;
const REMOTE = 12;
const KILLS = 8;

export async function benchChaos(): Promise<Measurement[]> {
  const seed = Math.floor(Math.random() * 2 ** 31);
  const base = { target: "", details: {} as Record<string, unknown> };
  try {
    const r = await runChaos({ localJobs: LOCAL, remoteJobs: REMOTE, remoteWithoutWebhook: REMOTE / 2, kills: KILLS, seed, finishWithinMs: 300_000, log: (line) => process.stdout.write(`[bench]   ${line}\n`) });
    const details = { seed, jobs: r.jobs, local: r.local, remote: r.remote, kills: r.kills, seconds: Math.round(r.durationMs / 1000), servedChecks: r.servedChecks, wrong: r.wrong, brokenHistories: r.brokenHistories, partialFilesServed: r.partialFilesServed };
    const correct = Math.round((1000 * (r.succeeded - r.brokenHistories.length)) / r.jobs) / 10;
    return [
      { ...base, id: "chaos_correct_terminal", name: `kill -9 chaos: jobs terminal and correct (${r.jobs} jobs, ${r.kills} SIGKILLs)`, value: correct, unit: "%", target: "100 %", pass: correct === 100 && r.terminal === r.jobs, details },
      { ...base, id: "chaos_duplicate_submissions", name: "kill -9 chaos: duplicate submissions at the fake", value: r.duplicateSubmissions, unit: "", target: "0", pass: r.duplicateSubmissions === 0 && r.missingSubmissions === 0, details: { missing: r.missingSubmissions } },
      { ...base, id: "chaos_partial_files", name: `kill -9 chaos: partial files served (of ${r.servedChecks} fetches)`, value: r.partialFilesServed.length, unit: "", target: "0", pass: r.partialFilesServed.length === 0, details: { partialFilesServed: r.partialFilesServed } },
    ];
  } catch (err) {
    return [{ ...base, id: "chaos_correct_terminal", name: "kill -9 chaos: jobs terminal and correct", value: null, unit: "%", target: "100 %", pass: false, details: { seed }, error: err instanceof Error ? (err.stack ?? err.message) : String(err) }];
  }
}
