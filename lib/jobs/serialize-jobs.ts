/** Jobs as the API and pages show them, with the live facts a row does not hold (waiting for a provider slot). */
import "server-only";
import type { Db } from "../db/client";
import { attemptsOf } from "../db/queries/attempts";
import type { Job } from "../db/schema";
import { waitingReasons } from "./provider-slots";
import { serializeJob, type JobJson } from "./serialize";

export async function serializeJobs(db: Db, jobs: readonly Job[]): Promise<JobJson[]> {
  const waiting = await waitingReasons(db, jobs);
  // Only jobs that were sent somewhere have attempts: one query for the page.
  const attempts = await attemptsOf(db, jobs.filter((j) => j.attempts > 0 || j.routeIndex > 0).map((j) => j.id));
  return jobs.map((j) => serializeJob(j, waiting.get(j.id) ?? null, attempts.get(j.id) ?? []));
}

export async function serializeOneJob(db: Db, job: Job): Promise<JobJson> {
  return (await serializeJobs(db, [job]))[0]!;
}
