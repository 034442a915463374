import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { JobView } from "@/components/gallery/job-view";
import { requirePageViewer } from "@/lib/auth/require-page-viewer";
import { db } from "@/lib/db/client";
import { listJobHistory } from "@/lib/db/queries/job-history";
import { getOwnedJob } from "@/lib/db/queries/jobs";
import { promptStart } from "@/lib/jobs/format-job";
import { serializeHistory } from "@/lib/jobs/history";
import { serializeOneJob } from "@/lib/jobs/serialize-jobs";
import { modelOption } from "@/lib/providers/catalog";

export const dynamic = "force-dynamic";

type Params = Promise<{ id: string }>;

/** The viewer's own job, or nothing: someone else's job looks exactly like a missing one. */
const findJob = cache(async (id: string) => {
  const viewer = await requirePageViewer(`/jobs/${encodeURIComponent(id)}`);
  return await getOwnedJob(await db(), id, viewer.userId);
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const job = await findJob((await params).id);
  return { title: job ? promptStart(job.prompt) : "Not found" };
}

export default async function JobPage({ params }: { params: Params }) {
  const job = await findJob((await params).id);
  if (!job) notFound();
  return (
    <main id="main" tabIndex={-1} className="mx-auto flex max-w-7xl flex-col gap-5 px-4 py-6">
      <div className="flex flex-col gap-2">
        <Link
          href="/gallery"
          className="tap-target self-start text-sm text-neutral-400 hover:text-neutral-100 focus-visible:outline-2 focus-visible:outline-violet-400"
        >
          ← Gallery
        </Link>
        <h1 className="line-clamp-2 text-xl font-semibold tracking-tight">{promptStart(job.prompt, 120)}</h1>
      </div>
      <JobView
        initialJob={await serializeOneJob(await db(), job)}
        initialHistory={serializeHistory(await listJobHistory(await db(), job.id))}
        model={modelOption(job.model) ?? null}
      />
    </main>
  );
}
