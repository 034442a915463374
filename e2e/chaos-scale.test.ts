/**
 * kill -9 chaos at scale (issue 7), in `npm run test:scale` only: it needs Postgres, which the
 * embedded run does not have (`npm test` runs the one-worker chaos, chaos-kill.test.ts). 40 jobs
 * across the local preview, Replicate and fal fakes on two web servers and two workers; a random
 * worker and a random web server SIGKILLed, alternately, up to four times and restarted on their data.
 * Every job ends succeeded with an unbroken recorded history, each fake accepted each prompt once,
 * and no video any server answered with, while the run went on or after, was a partial file.
 */
import { describe, expect, it } from "vitest";
import { runScaleChaos } from "./support/chaos-scale";
import { testPostgresUrl } from "./support/test-postgres";

describe.runIf(testPostgresUrl() !== null)("kill -9 chaos on two web servers and two workers", () => {
  it("loses no job, submits nothing twice and serves no partial file", { timeout: 420_000 }, async () => {
    const seed = Math.floor(Math.random() * 2 ** 31);
    const t0 = Date.now();
    const report = await runScaleChaos({
      localJobs: 4,
      replicateJobs: 18,
      falJobs: 18,
      kills: 4,
      seed,
      finishWithinMs: 180_000,
      log: (line) => console.log(`${((Date.now() - t0) / 1000).toFixed(1)} s ${line}`),
    });
    const context = `seed ${seed}: ${JSON.stringify(report)}`;
    expect(report.jobs, context).toBe(40);
    // Four are planned, each a few steps of recorded progress after the last restart; progress comes
    // in rushes (the submits, then the providers' results), so the last ones may find every job done.
    // Alternating, two kills already mean a worker and a web server.
    expect(report.kills.length, context).toBeGreaterThanOrEqual(2);
    expect(report.kills.some((k) => k.startsWith("web-")) && report.kills.some((k) => k.startsWith("worker-")), context).toBe(true);
    expect(report.terminal, context).toBe(40);
    expect(report.wrong, context).toEqual([]);
    expect(report.succeeded, context).toBe(40);
    expect(report.duplicateSubmissions, context).toBe(0);
    expect(report.missingSubmissions, context).toBe(0);
    expect(report.brokenHistories, context).toEqual([]);
    expect(report.partialFilesServed, context).toEqual([]);
    // Every job's video was checked at each kill and at the end, besides the sampler's checks meanwhile.
    expect(report.servedChecks, context).toBeGreaterThanOrEqual(report.jobs * (report.kills.length + 1));
    // Every web server process (the two, and one restart per web kill) was handed requests by the proxy.
    expect(Object.keys(report.servedByWeb).length, context).toBe(2 + report.kills.filter((k) => k.startsWith("web-")).length);
  });
});
