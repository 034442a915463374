/**
 * kill -9 chaos at a size CI can afford (`npm run bench` runs a larger one, bench/chaos.ts): local
 * previews and remote jobs through an `npm run worker` SIGKILLed at random points of recorded
 * progress and restarted on the same data. Every job ends succeeded with an unbroken recorded
 * history (or, when a kill cut a submit before the request left, failed without being sent twice), the provider fake accepted each remote job exactly once, and nothing the server served,
 * at any crash or at the end, was a partial file.
 */
import { describe, expect, it } from "vitest";
import { runChaos } from "./support/chaos";

describe("kill -9 chaos", () => {
  it("loses no job, submits nothing twice and serves no partial file", { timeout: 240_000 }, async () => {
    const seed = Math.floor(Math.random() * 2 ** 31);
    const t0 = Date.now();
    const report = await runChaos({ localJobs: 4, remoteJobs: 4, remoteWithoutWebhook: 0, kills: 2, seed, finishWithinMs: 120_000, log: (line) => console.log(`${((Date.now() - t0) / 1000).toFixed(1)} s ${line}`) });
    const context = `seed ${seed}: ${JSON.stringify(report)}`;
    expect(report.kills, context).toBe(2);
    expect(report.terminal, context).toBe(report.jobs);
    expect(report.wrong, context).toEqual([]);
    // A kill between "being sent" and the request leaving fails that job rather than risk sending it twice.
    expect(report.succeeded + report.lostUnsent, context).toBe(8);
    expect(report.duplicateSubmissions, context).toBe(0);
    expect(report.missingSubmissions, context).toBe(report.lostUnsent);
    expect(report.brokenHistories, context).toEqual([]);
    expect(report.partialFilesServed, context).toEqual([]);
    // Every job's video was fetched at each crash and at the end.
    expect(report.servedChecks, context).toBe(report.jobs * (report.kills + 1));
  });
});
