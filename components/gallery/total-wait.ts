import type { JobJson } from "@/lib/jobs/serialize";

/** Seconds from asking to a finished job (ready, failed or canceled); null while it is not finished. */
export function totalWaitSeconds(job: Pick<JobJson, "createdAt" | "completedAt">): number | null {
  return job.completedAt ? (Date.parse(job.completedAt) - Date.parse(job.createdAt)) / 1000 : null;
}
