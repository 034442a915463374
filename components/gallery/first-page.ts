import "server-only";
import { db } from "@/lib/db/client";
import { listJobs } from "@/lib/db/queries/jobs";
import { filtersToListOptions, type JobFilters } from "@/lib/jobs/list-filters";
import { serializeJobs } from "@/lib/jobs/serialize-jobs";
import { PAGE_SIZE } from "./fetch-jobs-page";
import type { JobsPage } from "./jobs-cache";

/**
 * A feed's first page, rendered with the page so cards paint without a client fetch, and when it
 * was read (taken just before, so the page holds at least what was true then).
 */
export async function firstJobsPage(userId: string, filters: JobFilters = {}): Promise<{ initialPage: JobsPage; readAt: number }> {
  const readAt = Date.now();
  const database = await db();
  const page = await listJobs(database, { userId, ...filtersToListOptions(filters), limit: PAGE_SIZE });
  return { initialPage: { items: await serializeJobs(database, page.items), nextCursor: page.nextCursor }, readAt };
}
