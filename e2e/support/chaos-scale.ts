/**
 * kill -9 chaos on a deployment at scale (issue 7's proof): two WORKER=off web servers and two
 * worker processes on one Postgres and one S3 bucket behind a round-robin proxy
 * (scaled-deployment.ts), jobs across the local preview and two remote fakes (Replicate and fal,
 * finished by their signed webhooks through the proxy). A random worker or a random web server is
 * SIGKILLed at random points of recorded progress, alternately, and started again on its data. The
 * jobs belong to two people, alternately (one person may have only 20 videos in progress).
 * While it runs, a sampler keeps fetching the jobs' videos through the proxy. Afterwards: every job
 * succeeded with one unbroken recorded history, each fake accepted each of its prompts exactly once,
 * and every video any server answered with was a whole file.
 */
import fs from "node:fs";
import { startFalFake, type FalFake } from "../fakes/fal";
import { startReplicateFake, type ReplicateFake } from "../fakes/replicate";
import { seededRandom } from "../../lib/media/seeded-random";
import { getJobJson, isFinished, type ApiClient, type JobDetailJson } from "./api";
import { waitFor } from "./app-server";
import { historyProblem, servedFileProblem, type ChaosJob } from "./chaos-checks";
import { createChaosJobs, progress, RANK } from "./chaos";
import { startScaledDeployment, type ScaledDeployment } from "./scaled-deployment";
import { seedUser } from "./seed-user";

export interface ScaleChaosOptions {
  localJobs: number;
  replicateJobs: number;
  falJobs: number;
  kills: number;
  seed: number;
  /** Bound on each wait for progress and on the finish (a limit, not a wait). */
  finishWithinMs: number;
  log?: (line: string) => void;
}

/** `owner`: which of the two people made it (one person may have only 20 videos in progress). */
type ScaleJob = ChaosJob & { provider: "local" | "replicate" | "fal"; owner: number };

export interface ScaleChaosReport {
  seed: number;
  jobs: number;
  /** What was killed, in order: "worker-1", "web-0", … */
  kills: string[];
  terminal: number;
  succeeded: number;
  wrong: string[];
  duplicateSubmissions: number;
  missingSubmissions: number;
  brokenHistories: string[];
  /** Videos fetched and checked: by the sampler during the run, at each kill and at the end. */
  servedChecks: number;
  /** Fetches a dying server broke off: the client saw an error, not a file. */
  interruptedFetches: number;
  partialFilesServed: string[];
  /** Requests the proxy handed to each web server process, by its URL. */
  servedByWeb: Record<string, number>;
  durationMs: number;
}

const REPLICATE_MODEL = "replicate:google/veo-3.1-fast";
const FAL_MODEL = "fal:fal-ai/kling-video/v2.1/master/text-to-video";

function planJobs(opts: ScaleChaosOptions, rnd: () => number): ScaleJob[] {
  const jobs: ScaleJob[] = [];
  for (let i = 0; i < opts.localJobs; i++) jobs.push({ id: "", owner: 0, provider: "local", kind: "local", prompt: `scale chaos local ${i}, slow dolly in over a harbour`, durationSeconds: rnd() < 0.5 ? 2 : 4 });
  for (let i = 0; i < opts.replicateJobs; i++) jobs.push({ id: "", owner: 0, provider: "replicate", kind: "remote", prompt: `scale chaos replicate ${i}, a kite over dunes`, durationSeconds: 4 });
  for (let i = 0; i < opts.falJobs; i++) jobs.push({ id: "", owner: 0, provider: "fal", kind: "remote", prompt: `scale chaos fal ${i}, a tram in the snow`, durationSeconds: 5 });
  // Alternately the two people's, so each kind of job belongs to both.
  jobs.forEach((job, i) => (job.owner = i % 2));
  return jobs;
}

function fields(job: ScaleJob): Record<string, unknown> {
  if (job.provider === "local") return { model: "local:preview", prompt: job.prompt, durationSeconds: job.durationSeconds, resolution: "480p" };
  if (job.provider === "replicate") return { model: REPLICATE_MODEL, prompt: job.prompt, durationSeconds: job.durationSeconds };
  return { model: FAL_MODEL, prompt: job.prompt, aspectRatio: "16:9", durationSeconds: job.durationSeconds };
}

/** Create calls each fake accepted per prompt beyond the first (a second one is a second bill), and prompts it never accepted. */
function submissionCounts(replicate: ReplicateFake, fal: FalFake, jobs: ScaleJob[]): { duplicates: number; missing: number } {
  let duplicates = 0;
  let missing = 0;
  for (const job of jobs) {
    if (job.provider === "local") continue;
    const accepted =
      job.provider === "replicate"
        ? replicate.attempts.filter((a) => a.input.prompt === job.prompt && a.answeredStatus === 201).length
        : fal.submissions.filter((s) => s.input.prompt === job.prompt).length;
    if (accepted === 0) missing++;
    duplicates += Math.max(0, accepted - 1);
  }
  return { duplicates, missing };
}

export async function runScaleChaos(opts: ScaleChaosOptions): Promise<ScaleChaosReport> {
  const started = Date.now();
  const log = opts.log ?? (() => undefined);
  const rnd = seededRandom(opts.seed);
  if (opts.localJobs + opts.replicateJobs + opts.falJobs > 100) throw new Error("A chaos run has at most 100 jobs (one page of the job list).");
  // Replicate's jobs finish (webhooks, copies) while fal's still run, so the later kills land among
  // saves and webhooks and every kill lands before the last job ends; the kills' restarts take seconds each.
  const replicate = await startReplicateFake({ timings: { startingMs: 200, processingMs: 10_000 } });
  const fal = await startFalFake({ timings: { queuedMs: 200, runningMs: 60_000 } });
  let deployment: ScaledDeployment | null = null;
  let sampling = true;
  let sampler: Promise<void> = Promise.resolve();
  try {
    deployment = await startScaledDeployment({
      publicUrl: true,
      env: { LOCAL_RENDER_CONCURRENCY: "2", REPLICATE_API_TOKEN: replicate.token, REPLICATE_BASE_URL: replicate.baseUrl, ...fal.env },
      workerStartTimeoutMs: 90_000,
    });
    const d = deployment;
    const people = [await seedUser(d.studio.dataDir, { name: "Owner", owner: true }), await seedUser(d.studio.dataDir, { name: "Member" })];
    const clients: ApiClient[] = people.map((p) => ({ url: d.studio.url, auth: p.auth }));
    const clientOf = (job: ScaleJob) => clients[job.owner]!;
    /** Recorded progress of both people's jobs together. */
    const progressOfAll = async () => {
      const each = await Promise.all(clients.map((c) => progress(c, ids)));
      return { score: each.reduce((n, p) => n + p.score, 0), finished: each.reduce((n, p) => n + p.finished, 0) };
    };
    log("[chaos] two web servers, two workers, proxy, bucket and fakes up");

    const jobs = planJobs(opts, rnd);
    const ids = await createChaosJobs(jobs, clientOf, fields);
    const total = jobs.length * RANK.succeeded!;

    const partialFilesServed: string[] = [];
    let servedChecks = 0;
    let interruptedFetches = 0;
    const checkOne = async (job: ScaleJob) => {
      try {
        const problem = await servedFileProblem(clientOf(job), job, await getJobJson(clientOf(job), job.id));
        servedChecks++;
        if (problem) partialFilesServed.push(`${job.id} (${job.provider}): ${problem}`);
      } catch {
        // The server answering was killed mid-answer: the fetch failed, no file was handed over.
        interruptedFetches++;
      }
    };
    const checkAll = async () => {
      for (const job of jobs) await checkOne(job);
    };
    sampler = (async () => {
      for (let i = 0; sampling; i++) await checkOne(jobs[i % jobs.length]!);
    })();

    const kills: string[] = [];
    const firstKind = rnd() < 0.5 ? "worker" : "web";
    for (let k = 0; k < opts.kills; k++) {
      const now = await progressOfAll();
      if (now.finished === jobs.length) break;
      // A few steps of recorded progress after the last restart: progress comes in rushes (all submits,
      // then Replicate's results, then fal's), and a restart takes seconds, so later kills land in later rushes.
      const step = 1 + Math.floor(rnd() * 6);
      const target = Math.min(total - 1, now.score + step);
      await waitFor(async () => (await progressOfAll()).score >= target, opts.finishWithinMs, () => `no progress to ${target} of ${total}:\n${d.studio.output()}`);
      // Alternately a worker and a web server, each time a random one of the two.
      const kind = (k % 2 === 0) === (firstKind === "worker") ? "worker" : "web";
      const i = Math.floor(rnd() * 2);
      const at = (await progressOfAll()).score;
      if (kind === "worker") await d.crashWorker(i);
      else await d.crashWeb(i);
      kills.push(`${kind}-${i}`);
      log(`[chaos] kill ${kills.length}: ${kind}-${i} SIGKILLed at progress ${at}/${total} and restarted on its data`);
      await checkAll();
    }

    await waitFor(
      async () => (await progressOfAll()).finished === jobs.length,
      opts.finishWithinMs,
      () => `not all jobs finished:\n${d.studio.output().slice(-20_000)}`,
    );
    log("[chaos] every job finished");
    sampling = false;
    await sampler;
    await checkAll();
    const finals: JobDetailJson[] = await Promise.all(jobs.map((j) => getJobJson(clientOf(j), j.id)));

    const { duplicates, missing } = submissionCounts(replicate, fal, jobs);
    return {
      seed: opts.seed,
      jobs: jobs.length,
      kills,
      terminal: finals.filter(isFinished).length,
      succeeded: finals.filter((j) => j.status === "succeeded").length,
      wrong: finals.filter((j) => j.status !== "succeeded").map((j) => `${j.id}: ${j.status} ${JSON.stringify(j.error)}`),
      duplicateSubmissions: duplicates,
      missingSubmissions: missing,
      brokenHistories: finals.flatMap((j) => {
        const problem = historyProblem(j);
        return problem ? [`${j.id}: ${problem} (${j.history.map((h) => h.to).join(" → ")})`] : [];
      }),
      servedChecks,
      interruptedFetches,
      partialFilesServed,
      servedByWeb: d.proxy.served(),
      durationMs: Date.now() - started,
    };
  } finally {
    sampling = false;
    await sampler.catch(() => undefined);
    if (deployment) {
      const dataDir = deployment.studio.dataDir;
      await deployment.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
    await Promise.all([replicate.close(), fal.close()]);
  }
}
