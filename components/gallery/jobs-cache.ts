import type { InfiniteData, QueryClient } from "@tanstack/react-query";
import { UNSORTED_ID, type JobFilters } from "@/lib/jobs/list-filters";
import type { JobJson } from "@/lib/jobs/serialize";
import { isActive } from "@/lib/jobs/states";

export interface JobsPage {
  items: JobJson[];
  nextCursor: string | null;
}

export const jobsKey = (filters: JobFilters) => ["jobs", filters] as const;
/** One job on its own page (/jobs/[id]). */
export const jobKey = (id: string) => ["job", id] as const;

function matchesFilters(job: JobJson, f: JobFilters): boolean {
  if (f.status === "active" ? !isActive(job.status) : f.status && job.status !== f.status) return false;
  if (f.model && job.model !== f.model) return false;
  if (f.favorite && !job.favorite) return false;
  // A project's list takes only its own videos: without this a pushed or moved job from elsewhere slipped in.
  if (f.project && (job.projectId ?? UNSORTED_ID) !== f.project) return false;
  // A search result set is the server's to decide; a fresh job is not slipped into it here.
  if (f.q) return false;
  return true;
}

/** The lists' order: newest first, ties broken by id, as the server pages them. */
function newerFirst(a: JobJson, b: JobJson): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/** One list with these new or changed jobs applied (see upsertJobs). */
function withJobs(data: InfiniteData<JobsPage>, filters: JobFilters, changed: ReadonlyMap<string, JobJson>): InfiniteData<JobsPage> {
  const found = new Set<string>();
  const pages = data.pages.map((p) => ({
    ...p,
    items: p.items.flatMap((j) => {
      const job = changed.get(j.id);
      if (!job) return [j];
      found.add(j.id);
      // A search list keeps the jobs the server put in it, whatever they become.
      return matchesFilters(job, filters) || filters.q ? [job] : [];
    }),
  }));
  const added = [...changed.values()].filter((j) => !found.has(j.id) && matchesFilters(j, filters)).sort(newerFirst);
  if (filters.sort === "oldest") {
    // Oldest first: a new job belongs at the end, so only once the list has been read to its end.
    const last = pages.length - 1;
    if (added.length && pages[last] && pages[last].nextCursor === null) pages[last] = { ...pages[last], items: [...pages[last].items, ...added.reverse()] };
  } else if (added.length && pages[0]) pages[0] = { ...pages[0], items: [...added, ...pages[0].items] };
  return { ...data, pages };
}

/**
 * Puts new or changed jobs into every cached gallery list, one write per list: replaced where
 * they already are, dropped where they no longer match the filters, prepended where they are new
 * and match. A job page showing one of them gets the new version too.
 */
export function upsertJobs(qc: QueryClient, jobs: readonly JobJson[]): void {
  if (!jobs.length) return;
  const changed = new Map(jobs.map((j) => [j.id, j]));
  for (const query of qc.getQueryCache().findAll({ queryKey: ["jobs"] })) {
    const filters = (query.queryKey[1] ?? {}) as JobFilters;
    qc.setQueryData<InfiniteData<JobsPage>>(query.queryKey, (data) => data && withJobs(data, filters, changed));
  }
  for (const job of changed.values()) if (qc.getQueryData(jobKey(job.id))) qc.setQueryData(jobKey(job.id), job);
}

export function upsertJob(qc: QueryClient, job: JobJson): void {
  upsertJobs(qc, [job]);
}

/** Takes a deleted job out of every cached list. */
export function removeJob(qc: QueryClient, id: string): void {
  for (const query of qc.getQueryCache().findAll({ queryKey: ["jobs"] })) {
    qc.setQueryData<InfiniteData<JobsPage>>(query.queryKey, (data) =>
      data ? { ...data, pages: data.pages.map((p) => ({ ...p, items: p.items.filter((j) => j.id !== id) })) } : data,
    );
  }
  qc.removeQueries({ queryKey: jobKey(id), exact: true });
}

/**
 * A list whose first page is `page`, fresh from the server. Later pages stay, so nothing is
 * fetched again: the jobs that new ones pushed off the first page are carried over, and it keeps
 * its old cursor, so the next page still starts where it did.
 */
function withFirstPage(data: InfiniteData<JobsPage>, page: JobsPage): InfiniteData<JobsPage> {
  const [first, ...rest] = data.pages;
  const last = page.items.at(-1);
  // A first page with no next one is the whole list.
  if (!first || !rest.length || !page.nextCursor || !last) return { pages: [page], pageParams: data.pageParams.slice(0, 1) };
  const fresh = new Set(page.items.map((j) => j.id));
  const carried = first.items.filter((j) => !fresh.has(j.id) && newerFirst(j, last) > 0);
  return { ...data, pages: [{ items: [...page.items, ...carried], nextCursor: first.nextCursor }, ...rest] };
}

/**
 * Takes a first page the server read at `readAt` into the cached list, unless the list has been
 * written since: a back/forward visit shows an earlier render, which must not undo what the
 * poller and actions have done after it.
 */
export function takeFirstPage(qc: QueryClient, filters: JobFilters, page: JobsPage, readAt: number): void {
  const state = qc.getQueryState(jobsKey(filters));
  if (!state?.data || state.dataUpdatedAt >= readAt) return;
  qc.setQueryData<InfiniteData<JobsPage>>(jobsKey(filters), (data) => data && withFirstPage(data, page), { updatedAt: readAt });
}

/** Every job held in any cached list or job page, newest version by updatedAt, by id. */
export function cachedJobs(qc: QueryClient): Map<string, JobJson> {
  const all = new Map<string, JobJson>();
  const keep = (j: JobJson) => {
    const seen = all.get(j.id);
    if (!seen || seen.updatedAt < j.updatedAt) all.set(j.id, j);
  };
  for (const query of qc.getQueryCache().findAll({ queryKey: ["jobs"] })) {
    const data = query.state.data as InfiniteData<JobsPage> | undefined;
    for (const page of data?.pages ?? []) for (const j of page.items) keep(j);
  }
  for (const query of qc.getQueryCache().findAll({ queryKey: ["job"] })) {
    const j = query.state.data as JobJson | undefined;
    if (j) keep(j);
  }
  return all;
}
