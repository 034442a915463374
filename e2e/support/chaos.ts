/**
 * The kill -9 chaos run (issue 8's proof), shared by the vitest suite (a small run) and
 * `npm run bench` (a larger one): local previews and remote jobs (the loopback Replicate fake,
 * finished by signed webhook or, for some, by polling) on a production server with WORKER=off, and an
 * `npm run worker` process SIGKILLed at random points of progress and restarted on the same data.
 * Kill points are chosen by recorded progress, never by time. Afterwards every job must be
 * terminal and succeeded, every remote prompt accepted by the fake exactly once, and every file the
 * server served (at each crash and at the end) a whole video.
 */
import { startReplicateFake, type ReplicateFake } from "../fakes/replicate";
import { seededRandom } from "../../lib/media/seeded-random";
import { getJobJson, isFinished, listJobsJson, postJob, type ApiClient, type JobDetailJson } from "./api";
import { startApp, startWorkerProcess, waitFor, type App } from "./app-server";
import { duplicateSubmissions, historyProblem, servedFileProblem, type ChaosJob, unsentLostSubmits } from "./chaos-checks";

export interface ChaosOptions {
  localJobs: number;
  remoteJobs: number;
  /**
   * How many of the remote jobs get no webhook from the fake, so a poll must find their result. The
   * studio still expects one, so it polls them only once late (veo-3.1-fast: after ~90 s): slow.
   */
  remoteWithoutWebhook: number;
  kills: number;
  /** Seeds the kill points and the jobs' mix, so a failing run can be repeated. */
  seed: number;
  /** Bound on the whole run after the last kill (a limit, not a wait). */
  finishWithinMs: number;
  log?: (line: string) => void;
}

export interface ChaosReport {
  seed: number;
  jobs: number;
  local: number;
  remote: number;
  kills: number;
  terminal: number;
  succeeded: number;
  /** Remote jobs correctly failed because the kill cut their submit before the request left (see unsentLostSubmits). */
  lostUnsent: number;
  /** Jobs that did not end succeeded (or as an unsent lost submit), with what they said. */
  wrong: string[];
  duplicateSubmissions: number;
  missingSubmissions: number;
  /** Histories that are not one chain from queued to the final state. */
  brokenHistories: string[];
  servedChecks: number;
  partialFilesServed: string[];
  durationMs: number;
}

const MODEL = "replicate:google/veo-3.1-fast";
/** How far along a job is, by the status it has reached; the sum over jobs only grows. */
export const RANK: Record<string, number> = { queued: 0, submitted: 1, running: 2, saving: 3, succeeded: 4, failed: 4, canceled: 4 };

function planJobs(opts: ChaosOptions, rnd: () => number): ChaosJob[] {
  const jobs: ChaosJob[] = [];
  for (let i = 0; i < opts.localJobs; i++) {
    const durationSeconds = rnd() < 0.5 ? 2 : 4;
    jobs.push({ id: "", kind: "local", prompt: `chaos local ${i}, slow dolly in over a harbour`, durationSeconds });
  }
  for (let i = 0; i < opts.remoteJobs; i++) {
    const marker = i < opts.remoteWithoutWebhook ? "[fake:nowebhook] " : "";
    jobs.push({ id: "", kind: "remote", prompt: `${marker}chaos remote ${i}, a kite over dunes`, durationSeconds: 4 });
  }
  return jobs;
}

/** Creates each planned job through the API, in order, and records its id; answers the ids. */
export async function createChaosJobs<J extends ChaosJob>(jobs: J[], clientOf: (job: J) => ApiClient, fieldsOf: (job: J) => Record<string, unknown>): Promise<Set<string>> {
  for (const job of jobs) {
    const created = await postJob(clientOf(job), fieldsOf(job));
    if (created.status !== 201 || !created.body.id) throw new Error(`creating a chaos job answered ${created.status}: ${JSON.stringify(created.body)}`);
    job.id = created.body.id;
  }
  return new Set(jobs.map((j) => j.id));
}

export async function progress(app: ApiClient, ids: Set<string>): Promise<{ score: number; finished: number }> {
  const { items } = await listJobsJson(app, "limit=100");
  const mine = items.filter((j) => ids.has(j.id));
  return { score: mine.reduce((n, j) => n + (RANK[j.status] ?? 0), 0), finished: mine.filter(isFinished).length };
}

export async function runChaos(opts: ChaosOptions): Promise<ChaosReport> {
  const started = Date.now();
  const log = opts.log ?? (() => undefined);
  const rnd = seededRandom(opts.seed);
  // One page of the job list (limit 100) is how progress is read.
  if (opts.localJobs + opts.remoteJobs > 100) throw new Error("A chaos run has at most 100 jobs.");
  const fakes: ReplicateFake[] = [];
  let app: App | null = null;
  let worker: Awaited<ReturnType<typeof startWorkerProcess>> | null = null;
  try {
    const fake = await startReplicateFake({ timings: { startingMs: 200, processingMs: 1200 } });
    fakes.push(fake);
    app = await startApp({ publicUrl: true, env: { WORKER: "off", LOCAL_RENDER_CONCURRENCY: "2", REPLICATE_API_TOKEN: fake.token, REPLICATE_BASE_URL: fake.baseUrl } });
    const client = app;
    worker = await startWorkerProcess(client, {}, { startTimeoutMs: 90_000 });
    log("[chaos] server, fake and worker up");

    const jobs = planJobs(opts, rnd);
    const ids = await createChaosJobs(jobs, () => client, (job) =>
      job.kind === "local" ? { model: "local:preview", prompt: job.prompt, durationSeconds: job.durationSeconds, resolution: "480p" } : { model: MODEL, prompt: job.prompt, durationSeconds: job.durationSeconds },
    );
    const total = jobs.length * RANK.succeeded!;

    const partialFilesServed: string[] = [];
    let servedChecks = 0;
    const checkServed = async () => {
      for (const job of jobs) {
        const problem = await servedFileProblem(client, job, await getJobJson(client, job.id));
        servedChecks++;
        if (problem) partialFilesServed.push(`${job.id} (${job.kind}): ${problem}`);
      }
    };

    let kills = 0;
    for (let k = 0; k < opts.kills; k++) {
      const now = await progress(client, ids);
      if (now.finished === jobs.length) break;
      // The next crash comes after a random amount of recorded progress: early ones catch submits, later ones renders and copies.
      const step = 1 + Math.floor(rnd() * Math.max(1, (total - now.score) / (opts.kills - k + 1)));
      const target = Math.min(total - 1, now.score + step);
      await waitFor(async () => (await progress(client, ids)).score >= target, opts.finishWithinMs, () => `no progress to ${target} of ${total}:\n${worker?.output()}`);
      await worker.kill();
      kills++;
      log(`[chaos] kill ${kills}: worker SIGKILLed at progress ${(await progress(client, ids)).score}/${total}`);
      // What the crash left must never be a partial file served as a video.
      await checkServed();
      worker = await startWorkerProcess(client, {}, { startTimeoutMs: 90_000 });
      log("[chaos] worker restarted on the same data");
    }

    let finals: JobDetailJson[] = [];
    await waitFor(
      async () => (await progress(client, ids)).finished === jobs.length,
      opts.finishWithinMs,
      () => `not all jobs finished:\n${JSON.stringify(finals)}\nworker said:\n${worker?.output()}`,
    );
    finals = await Promise.all(jobs.map((j) => getJobJson(client, j.id)));
    log("[chaos] every job finished");
    await checkServed();

    const { duplicates, missing } = duplicateSubmissions(fake, jobs);
    const lost = unsentLostSubmits(fake, jobs, finals);
    const wrong = finals.filter((j) => j.status !== "succeeded" && !lost.includes(j.id)).map((j) => `${j.id}: ${j.status} ${JSON.stringify(j.error)}`);
    const brokenHistories = finals.flatMap((j) => {
      const problem = historyProblem(j);
      return problem ? [`${j.id}: ${problem} (${j.history.map((h) => h.to).join(" → ")})`] : [];
    });
    return {
      seed: opts.seed,
      jobs: jobs.length,
      local: opts.localJobs,
      remote: opts.remoteJobs,
      kills,
      terminal: finals.filter(isFinished).length,
      succeeded: finals.filter((j) => j.status === "succeeded").length,
      lostUnsent: lost.length,
      wrong,
      duplicateSubmissions: duplicates,
      missingSubmissions: missing,
      brokenHistories,
      servedChecks,
      partialFilesServed,
      durationMs: Date.now() - started,
    };
  } finally {
    await worker?.stop();
    await app?.stop();
    await Promise.all(fakes.map((f) => f.close()));
  }
}
