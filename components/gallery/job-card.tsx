"use client";
import dynamic from "next/dynamic";
import Link from "next/link";
import { memo, useEffect, useRef, useState, type FocusEvent } from "react";
import { formatSeconds } from "@/lib/jobs/format-job";
import type { JobJson } from "@/lib/jobs/serialize";
import { isActive } from "@/lib/jobs/states";
import { JobActions } from "./job-actions";
import { JobPreview } from "./job-preview";
import { TileMenu } from "./tile-menu";
import { totalWaitSeconds } from "./total-wait";

// Only a card in flight shows progress, only a failed one its note: each loads when such a card is shown.
const JobProgress = dynamic(() => import("./job-progress").then((m) => m.JobProgress));
const FailureNote = dynamic(() => import("./failure-note").then((m) => m.FailureNote));

/** A pointer must rest this long before a preview loads, so cards gliding under a still mouse while scrolling stay posters. */
const HOVER_INTENT_MS = 150;

function prefersReducedMotion(): boolean {
  return window.matchMedia?.("(prefers-reduced-motion: reduce)").matches ?? false;
}

/**
 * One job in the gallery. Memoized: a poll that changes one job re-renders one card. Off-screen
 * cards skip layout and paint (content-visibility), so the grid stays smooth with thousands.
 */
export const JobCard = memo(function JobCard({
  job,
  typicalLatencySeconds,
  eager = false,
  onOpen,
  selected,
  onSelect,
}: {
  job: JobJson;
  typicalLatencySeconds: number | null;
  /** First cards on screen: load their posters at once, they are the page's largest paint. */
  eager?: boolean;
  /** Opens the viewer on this job; the poster becomes its button. */
  onOpen?: (id: string, opener: HTMLElement) => void;
  /** Multi-select: whether this card is picked, and how to pick it (a checkbox, or shift/⌘-click on the poster). */
  selected?: boolean;
  onSelect?: (id: string, on: boolean) => void;
}) {
  const [previewing, setPreviewing] = useState(false);
  const intent = useRef<ReturnType<typeof setTimeout> | null>(null);
  const active = isActive(job.status);
  const canPreview = Boolean(job.video);
  const start = () => {
    if (canPreview && !prefersReducedMotion()) setPreviewing(true);
  };
  const hover = () => {
    if (intent.current) clearTimeout(intent.current);
    intent.current = setTimeout(start, HOVER_INTENT_MS);
  };
  const stop = () => {
    if (intent.current) clearTimeout(intent.current);
    intent.current = null;
    setPreviewing(false);
  };
  useEffect(() => () => clearTimeout(intent.current ?? undefined), []);
  const onBlur = (e: FocusEvent<HTMLElement>) => {
    if (!e.currentTarget.contains(e.relatedTarget as Node | null)) stop();
  };
  const wait = job.status === "succeeded" ? totalWaitSeconds(job) : null;

  return (
    <article
      data-testid="job-card"
      data-job-id={job.id}
      data-status={job.status}
      data-selected={selected ? "true" : undefined}
      onClick={(e) => {
        // The whole tile opens the viewer; its own controls keep their clicks.
        if (!onOpen || (e.target as HTMLElement).closest("a, button, input, label, select, textarea, dialog, details")) return;
        const poster = e.currentTarget.querySelector<HTMLElement>("[data-open-viewer]");
        if (poster) onOpen(job.id, poster);
      }}
      onPointerEnter={hover}
      onPointerLeave={stop}
      onFocus={start}
      onBlur={onBlur}
      className="group/card relative flex w-full cursor-pointer flex-col rounded-xl border border-neutral-800 bg-neutral-900/60 [contain-intrinsic-size:auto_22rem] [content-visibility:auto] focus-within:border-neutral-600 hover:border-neutral-700"
    >
      <TileMenu job={job} />
      {onOpen ? (
        <button
          type="button"
          data-open-viewer
          aria-label={`Open in the viewer: ${job.prompt.slice(0, 80)}`}
          onClick={(e) => {
            if (onSelect && (e.shiftKey || e.metaKey || e.ctrlKey)) onSelect(job.id, !selected);
            else onOpen(job.id, e.currentTarget);
          }}
          className="block w-full cursor-zoom-in rounded-t-xl text-left focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-violet-400"
        >
          <JobPreview job={job} playing={previewing} eager={eager} />
        </button>
      ) : (
        <JobPreview job={job} playing={previewing} eager={eager} />
      )}
      <div className="flex flex-1 flex-col gap-2.5 p-3">
        {onSelect && (
          <label className="-my-2 -ml-2 flex min-h-11 w-fit cursor-pointer items-center gap-2 px-2 text-xs text-neutral-300">
            <input type="checkbox" checked={Boolean(selected)} onChange={(e) => onSelect(job.id, e.target.checked)} aria-label={`Select: ${job.prompt.slice(0, 60)}`} className="size-5 accent-violet-500" />
            Select
          </label>
        )}
        <Link
          href={`/jobs/${job.id}`}
          className="tap-target line-clamp-2 text-sm leading-snug text-neutral-100 hover:text-violet-300 focus-visible:outline-2 focus-visible:outline-violet-400"
        >
          {job.prompt}
        </Link>
        <p className="text-xs text-neutral-500">
          {job.modelLabel} · {job.durationSeconds} s · {job.aspectRatio}
          {wait !== null ? ` · ready in ${formatSeconds(wait)}` : ""}
        </p>
        {job.routeStory && (
          <p className="text-xs text-amber-300/90" data-testid="route-story">
            {job.routeStory}
          </p>
        )}
        {active && <JobProgress job={job} typicalLatencySeconds={typicalLatencySeconds} />}
        {job.status === "failed" && <FailureNote error={job.error} layout="card" />}
        <div className="mt-auto">
          <JobActions job={job} />
        </div>
      </div>
    </article>
  );
});
