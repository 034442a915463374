import { filtersToApiParams, type JobFilters } from "@/lib/jobs/list-filters";
import { fetchJson } from "./fetch-json";
import type { JobsPage } from "./jobs-cache";

/** Gallery pages are this long; the first one comes with the server-rendered page. */
export const PAGE_SIZE = 30;

/** One page of a gallery list from the JSON API. */
export function fetchJobsPage(filters: JobFilters, cursor: string | null, signal?: AbortSignal): Promise<JobsPage> {
  return fetchJson<JobsPage>(
    `/api/jobs?${filtersToApiParams(filters, { cursor, limit: PAGE_SIZE })}`,
    { signal },
    "Could not load more videos. Try again in a moment.",
  );
}
