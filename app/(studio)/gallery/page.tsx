import type { Metadata } from "next";
import { JobFeed } from "@/components/gallery/job-feed";
import { PAGE_SIZE } from "@/components/gallery/fetch-jobs-page";
import type { JobsPage } from "@/components/gallery/jobs-cache";
import { requirePageViewer } from "@/lib/auth/require-page-viewer";
import { db } from "@/lib/db/client";
import { listJobs } from "@/lib/db/queries/jobs";
import { filtersToListOptions, filtersToSearch, parseJobFilters, type JobFilters } from "@/lib/jobs/list-filters";
import { serializeJob } from "@/lib/jobs/serialize";
import { modelCatalog } from "@/lib/providers/catalog";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Gallery" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The list's first page and when it was read (taken just before, so the page holds at least what was true then). */
function firstPage(userId: string, filters: JobFilters): { page: JobsPage; readAt: number } {
  const readAt = Date.now();
  const page = listJobs(db(), { userId, ...filtersToListOptions(filters), limit: PAGE_SIZE });
  return { page: { items: page.items.map(serializeJob), nextCursor: page.nextCursor }, readAt };
}

/** Every video, filtered by the URL; the first page is rendered here so cards paint without a client fetch. */
export default async function GalleryPage({ searchParams }: { searchParams: SearchParams }) {
  const filters = parseJobFilters(await searchParams);
  const viewer = await requirePageViewer(`/gallery${filtersToSearch(filters)}`);
  const { page, readAt } = firstPage(viewer.userId, filters);
  const models = modelCatalog().flatMap((g) =>
    g.models.map((m) => ({ id: m.id, label: m.label, typicalLatencySeconds: m.typicalLatencySeconds })),
  );
  return (
    <main className="mx-auto flex max-w-7xl flex-col gap-5 px-4 py-6">
      <h1 className="text-xl font-semibold tracking-tight">Gallery</h1>
      <JobFeed initialPage={page} readAt={readAt} filters={filters} showFilters models={models} />
    </main>
  );
}
