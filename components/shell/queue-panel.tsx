"use client";
import { useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useMemo } from "react";
import { promptStart } from "@/lib/jobs/format-job";
import { queueLine } from "@/lib/jobs/queue-view";
import type { JobJson } from "@/lib/jobs/serialize";
import { fetchJobsPage } from "../gallery/fetch-jobs-page";
import { jobsKey } from "../gallery/jobs-cache";
import { useNow } from "../gallery/use-now";
import { useCancelWithUndo } from "../queue/use-cancel-with-undo";
import { Button, buttonClass } from "../ui/button";
import type { QueueModel } from "./queue-indicator";

/** A finished take stays in the queue this long, with Play. */
const RECENT_MS = 10 * 60_000;
const ALL = {} as const;

/** The queue: every job in flight with its real state, Cancel (with undo), and the takes just finished. */
export function QueuePanel({ id, active, models }: { id: string; active: JobJson[]; models: QueueModel[] }) {
  const now = useNow(true);
  const byId = useMemo(() => new Map(models.map((m) => [m.id, m])), [models]);
  const { cancel, undo, canceling } = useCancelWithUndo();
  // The newest jobs, for the ones just finished: the studio's own list when it is cached, else one page.
  const recentList = useInfiniteQuery({
    queryKey: jobsKey(ALL),
    queryFn: ({ pageParam, signal }) => fetchJobsPage(ALL, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    staleTime: Infinity,
  });
  const recent = useMemo(() => {
    if (now === null) return [];
    const items = recentList.data?.pages[0]?.items ?? [];
    return items.filter((j) => j.status === "succeeded" && j.completedAt && now - Date.parse(j.completedAt) < RECENT_MS);
  }, [recentList.data, now]);

  return (
    <section
      id={id}
      aria-label="Queue"
      className="absolute inset-x-0 top-14 max-h-[calc(100dvh-4rem)] overflow-y-auto border-b border-neutral-800 bg-neutral-950 p-3 shadow-xl sm:inset-x-auto sm:right-4 sm:w-[26rem] sm:rounded-b-xl sm:border-x"
    >
      <h2 className="px-1 pb-2 text-sm font-semibold text-neutral-50">Queue</h2>
      {active.length === 0 && recent.length === 0 && <p className="px-1 pb-2 text-sm text-neutral-300">Nothing is rendering.</p>}
      <ul className="flex flex-col gap-2">
        {active.map((job) => {
          const model = byId.get(job.model);
          const line = queueLine(job, active, now ?? Date.parse(job.updatedAt), model?.typicalLatencySeconds ?? null, model?.providerLabel ?? "The provider");
          const pendingCancel = canceling.has(job.id);
          return (
            <li key={job.id} data-testid="queue-item" data-job-id={job.id} data-status={job.status} className="rounded-lg border border-neutral-800 bg-neutral-900 p-3">
              <p className="text-sm text-neutral-100">{promptStart(job.prompt, 70)}</p>
              <p className="mt-0.5 text-xs text-neutral-400">{job.modelLabel}</p>
              <p className="mt-2 text-sm font-medium text-neutral-100" data-testid="queue-state">
                {pendingCancel ? "Canceling…" : line.state}
              </p>
              {line.source && <p className="text-xs text-neutral-400">{line.source}</p>}
              {now !== null && <p className="text-xs text-neutral-400">{line.elapsed}</p>}
              <div className="mt-2 flex gap-2">
                {job.status === "saving" ? null : pendingCancel ? (
                  <Button size="sm" variant="secondary" className="h-11" onClick={() => undo(job.id)}>
                    Undo cancel
                  </Button>
                ) : (
                  <Button size="sm" variant="secondary" className="h-11" aria-label={`Cancel “${promptStart(job.prompt, 40)}”`} onClick={() => cancel(job)}>
                    Cancel
                  </Button>
                )}
                <Link href={`/jobs/${job.id}`} className={buttonClass({ variant: "ghost", size: "sm" }) + " h-11"}>
                  Open
                </Link>
              </div>
            </li>
          );
        })}
        {recent.map((job) => (
          <li key={job.id} data-testid="queue-item" data-job-id={job.id} data-status={job.status} className="flex items-center gap-3 rounded-lg border border-neutral-800 p-3">
            <div className="min-w-0 flex-1">
              <p className="truncate text-sm text-neutral-100">{promptStart(job.prompt, 70)}</p>
              <p className="text-xs text-neutral-400">Ready · {job.modelLabel}</p>
            </div>
            <Link href={`/jobs/${job.id}`} className={buttonClass({ variant: "primary", size: "sm" }) + " h-11"}>
              Play
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
