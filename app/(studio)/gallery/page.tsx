import type { Metadata } from "next";
import { JobFeed } from "@/components/gallery/job-feed";
import { firstJobsPage } from "@/components/gallery/first-page";
import { requirePageViewer } from "@/lib/auth/require-page-viewer";
import { db } from "@/lib/db/client";
import { listProjects } from "@/lib/db/queries/projects";
import { filtersToSearch, parseJobFilters } from "@/lib/jobs/list-filters";
import { feedModels } from "@/lib/providers/catalog";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Gallery" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Every video, filtered by the URL; the first page is rendered here so cards paint without a client fetch. */
export default async function GalleryPage({ searchParams }: { searchParams: SearchParams }) {
  const filters = parseJobFilters(await searchParams);
  const viewer = await requirePageViewer(`/gallery${filtersToSearch(filters)}`);
  const { initialPage, readAt } = await firstJobsPage(viewer.userId, filters);
  const projects = (await listProjects(await db(), viewer.userId)).map(({ id, name }) => ({ id, name }));
  return (
    <main id="main" tabIndex={-1} className="mx-auto flex max-w-7xl flex-col gap-5 px-4 py-6">
      <h1 className="text-xl font-semibold tracking-tight">Gallery</h1>
      <JobFeed initialPage={initialPage} readAt={readAt} filters={filters} showFilters models={feedModels()} projects={projects} />
    </main>
  );
}
