import type { QueryClient } from "@tanstack/react-query";
import { activeIds, changedSince, diffPolled, nextDelay, POLL_FAST_MS, POLL_SLOW_MS, type Finished } from "@/lib/jobs/poll-diff";
import type { JobJson } from "@/lib/jobs/serialize";
import { fetchJson } from "./fetch-json";
import { cachedJobs, upsertJobs, type JobsPage } from "./jobs-cache";

/** At most this many pages of changed rows per poll; more than 500 changes at once is a bulk import, caught up next time. */
const MAX_PAGES = 5;

async function fetchChanged(since: number): Promise<JobJson[]> {
  const rows: JobJson[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < MAX_PAGES; i++) {
    const url: string = `/api/jobs?changedSince=${since}&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
    // no-cache: the browser revalidates with If-None-Match and turns the server's 304 into the cached 200.
    const page: JobsPage = await fetchJson<JobsPage>(url, { cache: "no-cache" }, "Could not check on your videos.");
    rows.push(...page.items);
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  return rows;
}

/**
 * The fallback loop that keeps cached jobs fresh while the event stream is down (live-jobs.ts):
 * runs while any cached job is active, fast after news
 * and slower while quiet, paused in a hidden tab, and idle (no timer at all) when nothing is active.
 */
export function startJobPoller(qc: QueryClient, onFinished: (f: Finished) => void): () => void {
  let delay = POLL_FAST_MS;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let dueAt = 0;
  let inFlight = false;
  let stopped = false;
  let knownActive = new Set<string>();
  let since = 0;
  let checkQueued = false;
  let writing = false;

  const visible = () => document.visibilityState !== "hidden";

  function schedule(ms: number) {
    if (stopped || inFlight || !visible()) return;
    const at = Date.now() + ms;
    if (timer && dueAt <= at) return;
    if (timer) clearTimeout(timer);
    dueAt = at;
    timer = setTimeout(tick, ms);
  }

  function idle() {
    if (timer) clearTimeout(timer);
    timer = null;
  }

  /** Takes in what the cache holds: a job that just became active (a new one, a retry) means "fast again". */
  function see(jobs: Map<string, JobJson>) {
    const active = activeIds(jobs.values());
    const fresh = [...active].some((id) => !knownActive.has(id));
    knownActive = active;
    since = changedSince(jobs.values());
    if (!active.size) return idle();
    if (fresh) delay = POLL_FAST_MS;
    schedule(delay);
  }

  function check() {
    checkQueued = false;
    if (!stopped) see(cachedJobs(qc));
  }

  function queueCheck() {
    if (checkQueued || writing) return;
    checkQueued = true;
    // Many cache events arrive together (one per cached list in an upsert); look once after them.
    setTimeout(check, 0);
  }

  async function tick() {
    timer = null;
    if (stopped || !visible() || !knownActive.size) return;
    inFlight = true;
    let jobs: Map<string, JobJson> | null = null;
    try {
      const polled = await fetchChanged(since);
      if (stopped) return;
      // The one look at the cache this tick, after the wait: an action may have written newer rows meanwhile.
      jobs = cachedJobs(qc);
      const { changed, finished } = diffPolled(jobs, polled);
      // Our own writes need no second look: `jobs` takes them in below.
      writing = true;
      try {
        upsertJobs(qc, changed);
      } finally {
        writing = false;
      }
      for (const job of changed) jobs.set(job.id, job);
      for (const f of finished) onFinished(f);
      delay = nextDelay(delay, changed.length > 0);
    } catch {
      // Offline or signed out: keep trying, slowly; the page itself shows nothing is wrong with the jobs.
      delay = POLL_SLOW_MS;
    } finally {
      inFlight = false;
    }
    if (stopped) return;
    if (jobs) see(jobs);
    else if (knownActive.size) schedule(delay);
  }

  function onVisibility() {
    if (!visible()) return idle();
    delay = POLL_FAST_MS;
    if (knownActive.size && !inFlight) {
      idle();
      void tick();
    }
  }

  const unsubscribe = qc.getQueryCache().subscribe((event) => {
    if (event.type === "updated" || event.type === "added" || event.type === "removed") queueCheck();
  });
  document.addEventListener("visibilitychange", onVisibility);
  check();

  return () => {
    stopped = true;
    idle();
    unsubscribe();
    document.removeEventListener("visibilitychange", onVisibility);
  };
}
