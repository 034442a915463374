"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { takeHref } from "@/lib/jobs/take-href";
import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { createPortal } from "react-dom";
import { VideoPlayer } from "@/components/player/video-player";
import { Button, buttonClass } from "@/components/ui/button";
import { formatSeconds, promptStart } from "@/lib/jobs/format-job";
import type { JobJson } from "@/lib/jobs/serialize";
import type { ProjectJson } from "@/lib/actions/projects";
import { fetchJson } from "../gallery/fetch-json";
import { MoveToProject } from "../projects/move-to-project";
import { JobActions } from "../gallery/job-actions";
import { StatusBadge } from "../gallery/status-badge";
import { totalWaitSeconds } from "../gallery/total-wait";
import { SyncedPair } from "./synced-pair";

/** Keys that belong to whatever has focus: a field, or the player seeking with its own arrows. */
function keyIsTaken(target: EventTarget | null): boolean {
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement || target instanceof HTMLVideoElement;
}

/**
 * The viewer: one take big, its details and actions, ←/→ through the list it was opened from,
 * Esc (or Close, or Back) to leave. A native modal <dialog>, so focus stays inside while it is open.
 * A take not in the loaded list (a shared link to an old one) is read from the API.
 */
export function TakeViewer({
  id,
  jobs,
  projects,
  onMove,
  onClose,
}: {
  id: string;
  jobs: readonly JobJson[];
  projects?: ProjectJson[];
  onMove: (id: string) => void;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const index = jobs.findIndex((j) => j.id === id);
  const listed = index >= 0 ? jobs[index] : undefined;
  const fetched = useQuery({
    queryKey: ["viewer-job", id],
    queryFn: ({ signal }) => fetchJson<JobJson>(`/api/jobs/${encodeURIComponent(id)}`, { signal }, "That video could not be loaded."),
    enabled: !listed,
    retry: false,
  });
  const job = listed ?? fetched.data;
  const prev = index > 0 ? jobs[index - 1] : undefined;
  const next = index >= 0 && index < jobs.length - 1 ? jobs[index + 1] : undefined;
  const siblings = job?.generationId ? jobs.filter((j) => j.generationId === job.generationId && j.id !== job.id && j.video) : [];
  const [comparing, setComparing] = useState(false);
  const partner = comparing ? (siblings[0] ?? (next?.video ? next : prev?.video ? prev : undefined)) : undefined;

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  function onKeyDown(e: KeyboardEvent<HTMLDialogElement>) {
    if (e.altKey || e.ctrlKey || e.metaKey || keyIsTaken(e.target)) return;
    if (e.key === "ArrowLeft") step(-1);
    else if (e.key === "ArrowRight") step(1);
    else return;
    e.preventDefault();
  }

  // From the take the URL names now, not the one this render shows: two quick presses move twice,
  // even when the second comes before React has re-rendered from the first.
  function step(delta: number) {
    const current = new URL(window.location.href).searchParams.get("take") ?? id;
    const at = jobs.findIndex((j) => j.id === current);
    const target = at >= 0 ? jobs[at + delta] : undefined;
    if (target) onMove(target.id);
  }

  const wait = job ? totalWaitSeconds(job) : null;
  return createPortal(
    <dialog
      ref={ref}
      aria-label={job ? `Viewer: ${promptStart(job.prompt, 60)}` : "Viewer"}
      data-testid="viewer"
      data-job-id={id}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onKeyDown={onKeyDown}
      className="m-auto h-[min(100dvh,60rem)] w-[min(100vw,80rem)] max-w-none overflow-auto rounded-xl border border-neutral-800 bg-neutral-950 p-0 text-neutral-100 backdrop:bg-black/80"
    >
      <div className="flex flex-col gap-4 p-4">
        <div className="flex items-center justify-between gap-2">
          <p className="text-sm text-neutral-300">{index >= 0 ? `${index + 1} of ${jobs.length}` : ""}</p>
          <div className="flex gap-2">
            <Button variant="secondary" size="md" className="min-h-11" aria-label="Previous take" disabled={!prev} onClick={() => prev && onMove(prev.id)}>
              ←
            </Button>
            <Button variant="secondary" size="md" className="min-h-11" aria-label="Next take" disabled={!next} onClick={() => next && onMove(next.id)}>
              →
            </Button>
            <Button variant="secondary" size="md" className="min-h-11" onClick={onClose}>
              Close
            </Button>
          </div>
        </div>
        {!job ? (
          <p role={fetched.isError ? "alert" : "status"} className="text-sm text-neutral-300">
            {fetched.isError ? "That video no longer exists, or it is not yours." : "Loading…"}
          </p>
        ) : (
          <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_20rem]">
            <div className="flex flex-col gap-3">
              {partner?.video && job.video ? (
                <SyncedPair left={job.video} right={partner.video} labels={[`Video: ${job.modelLabel}`, `Compared with: ${partner.modelLabel}`]} />
              ) : job.video ? (
                <VideoPlayer key={job.id} src={job.video.url} poster={job.video.posterUrl} width={job.video.width} height={job.video.height} label={`Video: ${promptStart(job.prompt, 80)}`} />
              ) : (
                <div className="flex aspect-video items-center justify-center rounded-lg bg-neutral-900">
                  <StatusBadge status={job.status} />
                </div>
              )}
            </div>
            <aside className="flex flex-col gap-3 text-sm">
              <h2 className="font-semibold text-neutral-100">Details</h2>
              <p className="text-neutral-200">{job.prompt}</p>
              <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-neutral-300">
                <dt className="text-neutral-400">Model</dt>
                <dd>{job.modelLabel}</dd>
                <dt className="text-neutral-400">Settings</dt>
                <dd>
                  {job.durationSeconds} s · {job.aspectRatio} · {job.resolution}
                  {job.seed !== null ? ` · seed ${job.seed}` : ""}
                </dd>
                {wait !== null && job.status === "succeeded" && (
                  <>
                    <dt className="text-neutral-400">Took</dt>
                    <dd>{formatSeconds(wait)}</dd>
                  </>
                )}
              </dl>
              <div className="flex flex-wrap gap-2">
                {job.video && (
                  <>
                    <Link href={`/?frame=${encodeURIComponent(job.id)}`} className={buttonClass({ variant: "secondary", size: "md" }) + " min-h-11"}>
                      Use last frame
                    </Link>
                    <Button variant="secondary" size="md" className="min-h-11" aria-pressed={comparing} onClick={() => setComparing((c) => !c)}>
                      Compare
                    </Button>
                  </>
                )}
                <Link href={`/jobs/${encodeURIComponent(job.id)}`} className={buttonClass({ variant: "ghost", size: "md" }) + " min-h-11"}>
                  Share and more
                </Link>
              </div>
              {/* Start a new take from this one: just its prompt, just its seed (with its model), or everything (a remix). */}
              <nav aria-label="Start from this take" className="flex flex-wrap gap-2">
                <Link href={takeHref(job.id, "prompt")} className={buttonClass({ variant: "ghost", size: "md" }) + " min-h-11"}>
                  Use prompt
                </Link>
                {job.seed !== null && (
                  <Link href={takeHref(job.id, "seed")} className={buttonClass({ variant: "ghost", size: "md" }) + " min-h-11"}>
                    Use seed
                  </Link>
                )}
                <Link href={takeHref(job.id, "all")} className={buttonClass({ variant: "ghost", size: "md" }) + " min-h-11"}>
                  Use all settings
                </Link>
              </nav>
              {comparing && !partner && <p className="text-xs text-neutral-400">There is no other finished take next to this one to compare with.</p>}
              {projects && <MoveToProject jobs={[job]} projects={projects} />}
              <JobActions job={job} />
            </aside>
          </div>
        )}
      </div>
    </dialog>,
    document.body,
  );
}
