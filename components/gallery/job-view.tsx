"use client";
import { useQuery } from "@tanstack/react-query";
import { VideoPlayer } from "@/components/player/video-player";
import { SharePanel } from "@/components/share/share-panel";
import { promptStart } from "@/lib/jobs/format-job";
import type { JobJson } from "@/lib/jobs/serialize";
import { failureHelp } from "./failure-help";
import { JobActions } from "./job-actions";
import { JobProgress } from "./job-progress";
import { JobRecord, type RecordModel } from "./job-record";
import { isActive, jobKey } from "./jobs-cache";
import { StatusBadge } from "./status-badge";
import { useJobPolling } from "./use-job-polling";

async function fetchJob(id: string): Promise<JobJson> {
  const res = await fetch(`/api/jobs/${encodeURIComponent(id)}`, { cache: "no-cache", headers: { accept: "application/json" } });
  if (!res.ok) throw new Error("Could not load this video.");
  return (await res.json()) as JobJson;
}

/**
 * One job, live: the player once it is ready, progress while it is not. The shared poller keeps
 * the cached copy fresh (and toasts the outcome), so this view only reads it.
 */
export function JobView({ initialJob, model }: { initialJob: JobJson; model: RecordModel | null }) {
  useJobPolling();
  const { data: job } = useQuery({
    queryKey: jobKey(initialJob.id),
    queryFn: () => fetchJob(initialJob.id),
    initialData: initialJob,
    staleTime: Infinity,
  });
  const [w, h] = job.aspectRatio.split(":").map(Number);

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_24rem]">
      <div className="flex flex-col gap-4">
        {job.video ? (
          <VideoPlayer
            src={job.video.url}
            poster={job.video.posterUrl}
            width={job.video.width}
            height={job.video.height}
            label={`Video: ${promptStart(job.prompt, 80)}`}
          />
        ) : (
          <div
            className="mx-auto flex max-h-[75vh] w-full flex-col items-center justify-center gap-4 rounded-lg border border-neutral-800 bg-neutral-900 p-6"
            style={{ aspectRatio: w && h ? `${w} / ${h}` : "16 / 9" }}
          >
            <StatusBadge status={job.status} />
            {isActive(job) && (
              <div className="w-full max-w-sm">
                <JobProgress job={job} typicalLatencySeconds={model?.typicalLatencySeconds ?? null} />
              </div>
            )}
            {job.status === "failed" && (
              <div className="max-w-md text-center text-sm">
                <p role="alert" className="text-red-200">
                  {job.error?.message ?? "The job failed."}
                </p>
                <p className="mt-1 text-neutral-400">{failureHelp(job.error?.code)}</p>
              </div>
            )}
            {job.status === "canceled" && <p className="text-sm text-neutral-400">This video was canceled before it finished.</p>}
          </div>
        )}
        <JobActions job={job} layout="page" />
      </div>
      <aside className="flex flex-col gap-6">
        <section aria-labelledby="record-title" className="rounded-xl border border-neutral-800 bg-neutral-900/60 p-4">
          <h2 id="record-title" className="mb-1 text-sm font-semibold text-neutral-200">
            Details
          </h2>
          <JobRecord job={job} model={model} />
        </section>
        <SharePanel jobId={job.id} canShare={job.status === "succeeded"} />
      </aside>
    </div>
  );
}
