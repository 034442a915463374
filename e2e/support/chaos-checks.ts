/**
 * What a chaos run must prove, checked on recorded facts: each job's final state and its recorded
 * history, what the provider fake received, and every file the studio actually served.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { ffprobePath } from "../../lib/media/ffmpeg-path";
import type { ReplicateFake } from "../fakes/replicate";
import { api, type ApiClient, type JobDetailJson } from "./api";

const run = promisify(execFile);
const TERMINAL = new Set(["succeeded", "failed", "canceled"]);

export interface ChaosJob {
  id: string;
  kind: "local" | "remote";
  prompt: string;
  durationSeconds: number;
}

/** A recorded history that is one unbroken chain from `queued` to the job's status, terminal only at its end. */
export function historyProblem(job: JobDetailJson): string | null {
  const h = job.history;
  if (h.length === 0) return "no history";
  if (h[0]!.from !== null || h[0]!.to !== "queued") return `starts ${h[0]!.from} → ${h[0]!.to}`;
  for (let i = 1; i < h.length; i++) {
    if (h[i]!.from !== h[i - 1]!.to) return `entry ${i} moves from ${h[i]!.from}, but the job was ${h[i - 1]!.to}`;
    if (TERMINAL.has(h[i - 1]!.to)) return `changed after it finished (${h[i - 1]!.to} → ${h[i]!.to})`;
  }
  if (h.at(-1)!.to !== job.status) return `history ends ${h.at(-1)!.to}, job is ${job.status}`;
  return null;
}

/** Create calls the fake accepted for each remote prompt beyond the first (a second one is a second bill). */
export function duplicateSubmissions(fake: ReplicateFake, jobs: ChaosJob[]): { duplicates: number; missing: number } {
  let duplicates = 0;
  let missing = 0;
  for (const job of jobs.filter((j) => j.kind === "remote")) {
    const accepted = fake.attempts.filter((a) => a.input.prompt === job.prompt && a.answeredStatus === 201).length;
    if (accepted === 0) missing++;
    duplicates += Math.max(0, accepted - 1);
  }
  return { duplicates, missing };
}

/** The message of a job whose submit was cut by the crash and could not be found at the provider (lib/worker/recover-submit.ts). */
const LOST_SUBMIT = /could not find it there afterwards\. It was not sent again/;

/**
 * Remote jobs failed as a lost submit that the fake never heard of: the kill landed after the job was
 * marked as being sent and before the request left, so failing it (never sending twice) is the correct
 * end. A lost-submit failure the fake did hear of is a paid result thrown away, and stays wrong.
 */
export function unsentLostSubmits(fake: ReplicateFake, jobs: ChaosJob[], finals: { id: string; status: string; error: { message: string } | null }[]): string[] {
  return jobs
    .filter((j) => j.kind === "remote")
    .filter((j) => {
      const final = finals.find((f) => f.id === j.id);
      return final?.status === "failed" && LOST_SUBMIT.test(final.error?.message ?? "") && !fake.attempts.some((a) => a.input.prompt === j.prompt);
    })
    .map((j) => j.id);
}

async function probeSeconds(file: string): Promise<number | null> {
  try {
    // -v error with a full decode of the container's index: a truncated MP4 (no moov) fails here.
    const { stdout, stderr } = await run(ffprobePath(), ["-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", file]);
    if (stderr.trim()) return null;
    const seconds = Number(stdout.trim());
    return Number.isFinite(seconds) ? seconds : null;
  } catch {
    return null;
  }
}

/**
 * Fetches a job's video the way a viewer would and says what is wrong with what was served: a
 * succeeded job serves the whole file, as long as recorded; anything served at all (also while the
 * job is still being saved) is a whole video, and for a local render, whose length is known, as
 * long as asked for. Null when all is well.
 */
export async function servedFileProblem(client: ApiClient, job: ChaosJob, json: JobDetailJson): Promise<string | null> {
  const key = `/media/videos/${job.id}.mp4`;
  const res = await api(client, key);
  const bytes = Buffer.from(await res.arrayBuffer());
  if (json.status === "succeeded") {
    if (res.status !== 200) return `succeeded job's video answered ${res.status}`;
    if (json.video?.url !== key) return `video url is ${json.video?.url}`;
    if (bytes.length !== json.video.bytes) return `served ${bytes.length} bytes, recorded ${json.video.bytes}`;
  } else if (res.status === 404) {
    return null;
  } else if (res.status !== 200) {
    return `${json.status} job's video answered ${res.status}`;
  }
  if (Number(res.headers.get("content-length")) !== bytes.length) return `served ${bytes.length} bytes with Content-Length ${res.headers.get("content-length")}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dailies-chaos-"));
  try {
    const file = path.join(dir, "served.mp4");
    fs.writeFileSync(file, bytes);
    const seconds = await probeSeconds(file);
    if (seconds === null) return `served ${bytes.length} bytes that do not probe as a whole video (${json.status})`;
    if (job.kind === "local" && Math.abs(seconds - job.durationSeconds) > 0.25) return `served ${seconds} s, asked for ${job.durationSeconds} s`;
    return null;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
