import { db } from "@/lib/db/client";
import { listJobs } from "@/lib/db/queries/jobs";
import { serializeJob } from "@/lib/jobs/serialize";

export const dynamic = "force-dynamic";

/** Recent jobs. The full studio (composer, gallery, accounts) is built on the JSON API at /api/jobs. */
export default function Home() {
  const { items } = listJobs(db(), { userId: null, limit: 24 });
  const jobs = items.map(serializeJob);
  return (
    <main className="mx-auto max-w-5xl p-6">
      <h1 className="text-2xl font-semibold">Dailies</h1>
      <p className="mt-1 text-sm text-neutral-400">
        Create videos with <code className="text-neutral-200">POST /api/jobs</code> (see the README). Recent jobs:
      </p>
      {jobs.length === 0 && <p className="mt-8 text-neutral-400">No videos yet.</p>}
      <ul className="mt-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {jobs.map((job) => (
          <li key={job.id} className="rounded-lg border border-neutral-800 bg-neutral-900 p-3">
            {job.video ? (
              <video className="w-full rounded" src={job.video.url} poster={job.video.posterUrl} controls preload="none" />
            ) : (
              <div className="flex aspect-video items-center justify-center rounded bg-neutral-800 text-sm text-neutral-400">
                {job.status}
                {job.status === "running" ? ` ${Math.round(job.progress * 100)}%` : ""}
              </div>
            )}
            <p className="mt-2 line-clamp-2 text-sm">{job.prompt}</p>
            <p className="text-xs text-neutral-500">{job.modelLabel}</p>
            {job.error && <p className="mt-1 text-xs text-red-400">{job.error.message}</p>}
          </li>
        ))}
      </ul>
    </main>
  );
}
