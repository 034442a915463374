/**
 * The pure half of gallery polling: which polled rows are news, which jobs just finished
 * (for a toast), what to ask next, and how long to wait.
 */
import type { JobJson } from "./serialize";
import { isActive } from "./states";

export const POLL_FAST_MS = 1_000;
export const POLL_SLOW_MS = 10_000;
const BACKOFF = 1.5;
/**
 * Rows are asked for from a little before the newest change seen: a write stamped just before it
 * may commit just after our last poll (the worker can be another process). Unchanged rows in that
 * overlap are recognised by their updatedAt and ignored, and the URL stays the same, so the
 * server can keep answering 304.
 */
const OVERLAP_MS = 1_000;

export interface Finished {
  job: JobJson;
  outcome: "succeeded" | "failed";
}

/** Rows newer than what the cache holds, and the jobs among them that went from active to done. */
export function diffPolled(cached: ReadonlyMap<string, JobJson>, polled: readonly JobJson[]): { changed: JobJson[]; finished: Finished[] } {
  const changed: JobJson[] = [];
  const finished: Finished[] = [];
  for (const job of polled) {
    const before = cached.get(job.id);
    if (before && Date.parse(before.updatedAt) >= Date.parse(job.updatedAt)) continue;
    changed.push(job);
    if (before && isActive(before.status) && (job.status === "succeeded" || job.status === "failed"))
      finished.push({ job, outcome: job.status });
  }
  return { changed, finished: inFinishOrder(finished) };
}

/**
 * Oldest news first: pages come newest first, but the toasts coalesce and keep the last action
 * pushed, and "3 videos ready · Play" should open the one that finished last (of those finished
 * together, the newest).
 */
export function inFinishOrder(finished: readonly Finished[]): Finished[] {
  const at = (f: Finished) => [Date.parse(f.job.updatedAt), Date.parse(f.job.createdAt)] as const;
  return [...finished].sort((x, y) => {
    const [xu, xc] = at(x);
    const [yu, yc] = at(y);
    return xu - yu || xc - yc;
  });
}

/** The `changedSince` to ask for, from every job the page holds. */
export function changedSince(jobs: Iterable<JobJson>): number {
  let max = 0;
  for (const j of jobs) max = Math.max(max, Date.parse(j.updatedAt));
  return Math.max(0, max - OVERLAP_MS);
}

/** The ids of the jobs still on their way: polling runs while there are any. */
export function activeIds(jobs: Iterable<JobJson>): Set<string> {
  const ids = new Set<string>();
  for (const j of jobs) if (isActive(j.status)) ids.add(j.id);
  return ids;
}

/** Fast right after news, slowing down by half again each quiet poll, up to the slow pace. */
export function nextDelay(current: number, sawNews: boolean): number {
  return sawNews ? POLL_FAST_MS : Math.min(POLL_SLOW_MS, Math.round(current * BACKOFF));
}
