"use client";
import { skipToken, useQuery } from "@tanstack/react-query";
import { VideoPlayer } from "@/components/player/video-player";
import { SharePanel } from "@/components/share/share-panel";
import { promptStart } from "@/lib/jobs/format-job";
import type { JobHistoryEntry } from "@/lib/jobs/history";
import type { JobJson } from "@/lib/jobs/serialize";
import { ratioValue } from "@/lib/jobs/snap-settings";
import { isActive } from "@/lib/jobs/states";
import { FailureNote } from "./failure-note";
import { JobActions } from "./job-actions";
import { JobProgress } from "./job-progress";
import { JobRecord, type RecordModel } from "./job-record";
import { JobTimeline } from "./job-timeline";
import { jobKey } from "./jobs-cache";
import { StatusBadge } from "./status-badge";
import { useLiveJobs } from "./use-live-jobs";

/**
 * One job, live: the player once it is ready, progress while it is not. The cached copy is never
 * fetched: it starts as the server's and the live updates (stream or poller) and the actions write
 * every change into it (the live updates toast the outcome too), so this view only reads it.
 */
export function JobView({ initialJob, initialHistory, model }: { initialJob: JobJson; initialHistory: JobHistoryEntry[]; model: RecordModel | null }) {
  useLiveJobs();
  const job = useQuery({ queryKey: jobKey(initialJob.id), queryFn: skipToken, initialData: initialJob }).data ?? initialJob;

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
            style={{ aspectRatio: ratioValue(job.aspectRatio) || 16 / 9 }}
          >
            <StatusBadge status={job.status} />
            {isActive(job.status) && (
              <div className="w-full max-w-sm">
                <JobProgress job={job} typicalLatencySeconds={model?.typicalLatencySeconds ?? null} />
              </div>
            )}
            {job.status === "failed" && <FailureNote error={job.error} layout="page" />}
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
        <section aria-labelledby="timeline-title" className="rounded-xl border border-neutral-800 bg-neutral-900/60 p-4">
          <h2 id="timeline-title" className="mb-3 text-sm font-semibold text-neutral-200">
            Timeline
          </h2>
          <JobTimeline job={job} initialHistory={initialHistory} />
        </section>
        <SharePanel jobId={job.id} canShare={job.status === "succeeded"} />
      </aside>
    </div>
  );
}
