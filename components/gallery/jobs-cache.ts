import type { InfiniteData, QueryClient } from "@tanstack/react-query";
import type { JobJson } from "@/lib/jobs/serialize";

/** Gallery filters; every combination is its own cached list under ["jobs", filters]. */
export interface JobFilters {
  status?: "active" | "succeeded" | "failed" | "canceled";
  model?: string;
  favorite?: boolean;
  q?: string;
}

export interface JobsPage {
  items: JobJson[];
  nextCursor: string | null;
}

export const jobsKey = (filters: JobFilters) => ["jobs", filters] as const;

const ACTIVE = new Set(["queued", "submitted", "running", "saving"]);

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
}

/** Takes a deleted job out of every cached list. */
export function removeJob(qc: QueryClient, id: string): void {
  for (const query of qc.getQueryCache().findAll({ queryKey: ["jobs"] })) {
    qc.setQueryData<InfiniteData<JobsPage>>(query.queryKey, (data) =>
      data ? { ...data, pages: data.pages.map((p) => ({ ...p, items: p.items.filter((j) => j.id !== id) })) } : data,
    );
  }
}
