"use client";
import { useQuery } from "@tanstack/react-query";
import type { JobHistoryEntry } from "@/lib/jobs/history";
import { sourceWords } from "@/lib/jobs/history";
import type { JobJson } from "@/lib/jobs/serialize";
import { fetchJson } from "./fetch-json";
import { LocalTime } from "./local-time";
import { StatusBadge } from "./status-badge";

/**
 * Every status change of the job as Dailies recorded it, with who brought it (the provider's webhook,
 * a status check, Dailies itself, or you). It is fetched again whenever the job's status moves, so
 * the timeline follows the live job without polling of its own.
 */
export function JobTimeline({ job, initialHistory }: { job: Pick<JobJson, "id" | "status" | "updatedAt">; initialHistory: JobHistoryEntry[] }) {
  const known = initialHistory.at(-1)?.to === job.status;
  const history = useQuery({
    queryKey: ["job-history", job.id, job.status],
    queryFn: async ({ signal }) =>
      (await fetchJson<{ history: JobHistoryEntry[] }>(`/api/jobs/${encodeURIComponent(job.id)}`, { signal }, "Could not load the job's history.")).history,
    initialData: known ? initialHistory : undefined,
    placeholderData: (previous) => previous ?? initialHistory,
    staleTime: Infinity,
  });
  const entries = history.data ?? initialHistory;
  if (entries.length === 0) return null;
  return (
    <ol aria-label="Status changes" className="flex flex-col gap-2 text-sm" data-testid="job-timeline">
      {entries.map((e, i) => (
        <li key={`${e.at}-${i}`} className="grid grid-cols-[auto_minmax(0,1fr)] items-baseline gap-x-3">
          <StatusBadge status={e.to} />
          <span className="text-neutral-400">
            <LocalTime iso={e.at} />
            {e.from === null ? " · created" : ` · by ${sourceWords(e.source)}`}
          </span>
        </li>
      ))}
    </ol>
  );
}
