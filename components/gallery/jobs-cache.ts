import type { InfiniteData, QueryClient } from "@tanstack/react-query";
import type { JobJson } from "@/lib/jobs/serialize";
import { ACTIVE_STATUSES, type JobFilters } from "@/lib/jobs/list-filters";

export type { JobFilters };

export interface JobsPage {
  items: JobJson[];
  nextCursor: string | null;
}

export const jobsKey = (filters: JobFilters) => ["jobs", filters] as const;
/** One job on its own page (/jobs/[id]). */
export const jobKey = (id: string) => ["job", id] as const;

const ACTIVE = new Set<string>(ACTIVE_STATUSES);

export function isActive(job: Pick<JobJson, "status">): boolean {
  return ACTIVE.has(job.status);
}

export function matchesFilters(job: JobJson, f: JobFilters): boolean {
  if (f.status === "active" ? !ACTIVE.has(job.status) : f.status && job.status !== f.status) return false;
  if (f.model && job.model !== f.model) return false;
  if (f.favorite && !job.favorite) return false;
  // A search result set is the server's to decide; a fresh job is not slipped into it here.
  if (f.q) return false;
  return true;
}

/**
 * Puts a new or changed job into every cached gallery list: replaced where it already is,
 * dropped where it no longer matches the filters, prepended where it is new and matches.
 * A job page showing it gets the new version too.
 */
export function upsertJob(qc: QueryClient, job: JobJson): void {
  for (const query of qc.getQueryCache().findAll({ queryKey: ["jobs"] })) {
    const filters = (query.queryKey[1] ?? {}) as JobFilters;
    qc.setQueryData<InfiniteData<JobsPage>>(query.queryKey, (data) => {
      if (!data) return data;
      const fits = matchesFilters(job, filters) || (Boolean(filters.q) && data.pages.some((p) => p.items.some((j) => j.id === job.id)));
      let found = false;
      const pages = data.pages.map((p) => ({
        ...p,
        items: p.items.flatMap((j) => {
          if (j.id !== job.id) return [j];
          found = true;
          return fits ? [job] : [];
        }),
      }));
      if (!found && fits && pages[0]) pages[0] = { ...pages[0], items: [job, ...pages[0].items] };
      return { ...data, pages };
    });
  }
  if (qc.getQueryData(jobKey(job.id))) qc.setQueryData(jobKey(job.id), job);
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
