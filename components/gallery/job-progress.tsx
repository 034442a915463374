"use client";
import { useState } from "react";
import { ProgressBar } from "@/components/ui/progress-bar";
import { formatSeconds } from "@/lib/jobs/format-job";
import { neverBackwards, progressView } from "@/lib/jobs/progress-estimate";
import type { JobJson } from "@/lib/jobs/serialize";
import { useNow } from "./use-now";

/**
 * Progress of a job in flight: the provider's figure when it gives one, else a guess from the
 * model's usual wait that says it is a guess; with time spent and time left.
 */
export function JobProgress({ job, typicalLatencySeconds }: { job: JobJson; typicalLatencySeconds: number | null }) {
  // Not sent yet because the provider's slots are all taken: an estimate would only mislead.
  if (job.status === "queued" && job.waitingReason) {
    return (
      <p data-testid="waiting-reason" className="text-xs text-amber-300">
        {job.waitingReason}
      </p>
    );
  }
  return <RunningProgress job={job} typicalLatencySeconds={typicalLatencySeconds} />;
}

function RunningProgress({ job, typicalLatencySeconds }: { job: JobJson; typicalLatencySeconds: number | null }) {
  const now = useNow(true);
  // Before hydration there is no clock: count from the last update, which the server and browser agree on.
  const computed = progressView({ ...job, typicalLatencySeconds, now: now ?? Date.parse(job.updatedAt) });
  // The highest value shown so far, kept as state from earlier renders (React's derived-state pattern).
  const [shown, setShown] = useState(computed.value);
  if (computed.value > shown) setShown(computed.value);
  const view = neverBackwards(computed, shown);
  const pct = Math.round(view.value * 100);
  const figure = job.status === "saving" ? "Saving the video…" : view.estimate ? `~${pct}% (estimate)` : `${pct}%`;
  const left =
    job.status === "saving" || view.remainingSeconds === null
      ? null
      : view.overdue
        ? "taking longer than usual"
        : view.remainingSeconds < 1
          ? "almost done"
          : `about ${formatSeconds(view.remainingSeconds)} left`;
  return (
    <div className="flex flex-col gap-1.5">
      <ProgressBar value={view.value} estimate={view.estimate} label={view.estimate ? "Progress (estimate)" : "Progress"} />
      <p className="flex flex-wrap justify-between gap-x-3 text-xs text-neutral-400">
        <span>{figure}</span>
        {now !== null && (
          <span>
            {formatSeconds(view.elapsedSeconds)} elapsed{left ? ` · ${left}` : ""}
          </span>
        )}
      </p>
    </div>
  );
}
