import { filtersToApiParams, type JobFilters } from "@/lib/jobs/list-filters";
import type { JobsPage } from "./jobs-cache";

/** Gallery pages are this long; the first one comes with the server-rendered page. */
export const PAGE_SIZE = 30;

/** One page of a gallery list from the JSON API; a failure becomes an Error with a sentence. */
export async function fetchJobsPage(filters: JobFilters, cursor: string | null, signal?: AbortSignal): Promise<JobsPage> {
  const res = await fetch(`/api/jobs?${filtersToApiParams(filters, { cursor, limit: PAGE_SIZE })}`, {
    signal,
    headers: { accept: "application/json" },
  });
  if (res.ok) return (await res.json()) as JobsPage;
  if (res.status === 401) throw new Error("Your session has ended. Sign in again to continue.");
  const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
  throw new Error(body?.error?.message ?? "Could not load more videos. Try again in a moment.");
}
