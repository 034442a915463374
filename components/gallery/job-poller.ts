import type { QueryClient } from "@tanstack/react-query";
import { changedSince, diffPolled, hasActive, nextDelay, POLL_FAST_MS, POLL_SLOW_MS, type Finished } from "@/lib/jobs/poll-diff";
import type { JobJson } from "@/lib/jobs/serialize";
import { cachedJobs, upsertJob, type JobsPage } from "./jobs-cache";

/** At most this many pages of changed rows per poll; more than 500 changes at once is a bulk import, caught up next time. */
const MAX_PAGES = 5;

async function fetchChanged(since: number): Promise<JobJson[]> {
  const rows: JobJson[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < MAX_PAGES; i++) {
    const url = `/api/jobs?changedSince=${since}&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
    // no-cache: the browser revalidates with If-None-Match and turns the server's 304 into the cached 200.
    const res = await fetch(url, { cache: "no-cache", headers: { accept: "application/json" } });
    if (!res.ok) throw new Error(`Polling answered ${res.status}`);
    const page = (await res.json()) as JobsPage;
    rows.push(...page.items);
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  return rows;
}

/**
 * The one loop that keeps cached jobs fresh: runs while any cached job is active, fast after news
 * and slower while quiet, paused in a hidden tab, and idle (no timer at all) when nothing is active.
 */
export function startJobPoller(qc: QueryClient, onFinished: (f: Finished) => void): () => void {
  let delay = POLL_FAST_MS;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let dueAt = 0;
  let inFlight = false;
  let stopped = false;
  let knownActive = new Set<string>();
  let checkQueued = false;

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

  /** Looks at the cache: a job that just became active (a new one, a retry) means "fast again". */
  function check() {
    checkQueued = false;
    if (stopped) return;
    const jobs = cachedJobs(qc);
    const active = new Set([...jobs.values()].filter((j) => hasActive([j])).map((j) => j.id));
    const fresh = [...active].some((id) => !knownActive.has(id));
    knownActive = active;
    if (!active.size) return idle();
    if (fresh) delay = POLL_FAST_MS;
    schedule(delay);
  }

  function queueCheck() {
    if (checkQueued) return;
    checkQueued = true;
    // Many cache events arrive together (one per cached list in upsertJob); look once after them.
    setTimeout(check, 0);
  }

  async function tick() {
    timer = null;
    if (stopped || !visible()) return;
    inFlight = true;
    let sawNews = false;
    try {
      const cached = cachedJobs(qc);
      if (!hasActive(cached.values())) return;
      const polled = await fetchChanged(changedSince(cached.values()));
      if (stopped) return;
      const { changed, finished } = diffPolled(cachedJobs(qc), polled);
      sawNews = changed.length > 0;
      for (const job of changed) upsertJob(qc, job);
      for (const f of finished) onFinished(f);
      delay = nextDelay(delay, sawNews);
    } catch {
      // Offline or signed out: keep trying, slowly; the page itself shows nothing is wrong with the jobs.
      delay = POLL_SLOW_MS;
    } finally {
      inFlight = false;
    }
    check();
  }

  function onVisibility() {
    if (!visible()) return idle();
    delay = POLL_FAST_MS;
    if (hasActive(cachedJobs(qc).values()) && !inFlight) {
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
