import "server-only";
import type { Db } from "../db/client";
import { jobsOf } from "../db/queries/accounts";
import type { Job } from "../db/schema";
import { downloadName } from "../jobs/download-name";
import { serializeJob } from "../jobs/serialize";
import { storage } from "../storage";
import { zipStream, type ZipEntry } from "../media/zip-stream";

const ROOT = "dailies-export";

/** Where a job's video sits in the archive: date, words of the prompt, and a bit of the id so names never collide. */
export function exportName(job: Pick<Job, "id" | "prompt" | "createdAt" | "videoKey">): string {
  const stem = downloadName(job.prompt, job.videoKey).replace(/\.(mp4|webm)$/, "");
  const ext = job.videoKey?.endsWith(".webm") ? "webm" : "mp4";
  return `videos/${new Date(job.createdAt).toISOString().slice(0, 10)}-${stem}-${job.id.slice(0, 6)}.${ext}`;
}

/**
 * One person's videos and prompts as a ZIP, streamed: `prompts.json` (every job as the API shows
 * it, with the name of its video in the archive) and each finished video, read from the store as
 * the archive is downloaded.
 */
export async function userExport(db: Db, userId: string): Promise<AsyncGenerator<Uint8Array>> {
  const jobs = (await jobsOf(db, userId)).sort((a, b) => a.createdAt - b.createdAt);
  const withVideo = (j: Job) => j.status === "succeeded" && !!j.videoKey;
  const index = jobs.map((j) => ({ ...serializeJob(j), file: withVideo(j) ? exportName(j) : null }));
  async function* entries(): AsyncGenerator<ZipEntry> {
    yield { name: `${ROOT}/prompts.json`, body: Buffer.from(JSON.stringify(index, null, 2) + "\n") };
    for (const job of jobs) {
      if (!withVideo(job)) continue;
      const opened = await storage().open(job.videoKey!);
      if (!opened) continue; // deleted while the archive was being made
      yield { name: `${ROOT}/${exportName(job)}`, body: opened.stream, modified: new Date(job.completedAt ?? job.updatedAt) };
    }
  }
  return zipStream(entries());
}
