/**
 * The pure half of the live stream in the browser: which pushed jobs the cache should take, and
 * which of them just finished (for a toast). A pushed job is the server's current copy, so it
 * wins unless the cache already holds a newer one.
 */
import { inFinishOrder, type Finished } from "./poll-diff";
import type { JobJson } from "./serialize";
import { isActive } from "./states";

export function diffPushed(cached: ReadonlyMap<string, JobJson>, pushed: readonly JobJson[]): { changed: JobJson[]; finished: Finished[] } {
  // The oldest job any list holds: an unknown job older than it belongs on a page not loaded yet,
  // which will show it fresh when it loads, so it is not slipped into the first page.
  let oldest = Infinity;
  for (const j of cached.values()) oldest = Math.min(oldest, Date.parse(j.createdAt));
  const changed: JobJson[] = [];
  const finished: Finished[] = [];
  for (const job of pushed) {
    const before = cached.get(job.id);
    if (!before && cached.size && Date.parse(job.createdAt) < oldest) continue;
    if (before && Date.parse(before.updatedAt) > Date.parse(job.updatedAt)) continue;
    if (before && JSON.stringify(before) === JSON.stringify(job)) continue;
    changed.push(job);
    if (before && isActive(before.status) && (job.status === "succeeded" || job.status === "failed")) finished.push({ job, outcome: job.status });
  }
  return { changed, finished: inFinishOrder(finished) };
}
