"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { createPortal } from "react-dom";
import { cn } from "@/components/ui/cn";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { downloadName } from "@/lib/jobs/download-name";
import type { JobJson } from "@/lib/jobs/serialize";
import { DownloadIcon, RemixIcon, RetryIcon, StarIcon, StopIcon, TrashIcon } from "./icons";
import { isActive } from "./jobs-cache";
import { useJobActions } from "./use-job-actions";

const base =
  "inline-flex h-8 items-center justify-center gap-1.5 rounded-md text-sm transition-colors hover:bg-neutral-800 " +
  "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-violet-400 disabled:cursor-not-allowed disabled:text-neutral-600";

/**
 * What can be done with a job. On a card the buttons are icons (named for screen readers, titled
 * for the mouse); on the job page they carry their words, and retry/delete move the page along.
 */
export function JobActions({ job, layout = "card" }: { job: JobJson; layout?: "card" | "page" }) {
  const actions = useJobActions(job);
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const onPage = layout === "page";
  const active = isActive(job);
  // Busy buttons are aria-disabled, not disabled: a disabled button drops keyboard focus to the page.
  const cls = cn(base, "aria-disabled:cursor-wait aria-disabled:opacity-60", onPage ? "border border-neutral-700 px-3" : "w-8");
  const plain = "text-neutral-300 hover:text-neutral-50";

  const label = (text: string, icon: ReactNode) => (
    <>
      {icon}
      {onPage && <span>{text}</span>}
    </>
  );

  const idle = (run: () => unknown) => () => {
    if (!actions.busy) void run();
  };

  async function retry() {
    const created = await actions.retry();
    if (created && onPage) router.push(`/jobs/${created.id}`);
  }

  async function remove() {
    const removed = await actions.remove();
    setConfirming(false);
    if (removed && onPage) router.replace("/gallery");
  }

  return (
    <div className={cn("flex flex-wrap items-center", onPage ? "gap-2" : "gap-0.5")}>
      {active && (
        <button type="button" className={cn(cls, plain)} aria-label="Cancel" title="Cancel" aria-disabled={actions.busy === "cancel"} onClick={idle(actions.cancel)}>
          {label("Cancel", <StopIcon />)}
        </button>
      )}
      {!active && (
        <button type="button" className={cn(cls, plain)} aria-label="Retry" title="Retry: run the same request again" aria-disabled={actions.busy === "retry"} onClick={idle(retry)}>
          {label("Retry", <RetryIcon />)}
        </button>
      )}
      <Link href={`/?remix=${encodeURIComponent(job.id)}`} className={cn(cls, plain)} aria-label="Remix" title="Remix: edit the settings and try again">
        {label("Remix", <RemixIcon />)}
      </Link>
      <button
        type="button"
        className={cn(cls, job.favorite ? "text-amber-300 hover:text-amber-200" : plain)}
        aria-label="Favorite"
        aria-pressed={job.favorite}
        title={job.favorite ? "Remove from favorites" : "Add to favorites"}
        aria-disabled={actions.busy === "favorite"}
        onClick={idle(actions.toggleFavorite)}
      >
        {label("Favorite", <StarIcon filled={job.favorite} />)}
      </button>
      {job.video && (
        <a href={job.video.url} download={downloadName(job.prompt, job.video.url)} className={cn(cls, plain)} aria-label="Download" title="Download">
          {label("Download", <DownloadIcon />)}
        </a>
      )}
      <button
        type="button"
        className={cn(cls, "text-neutral-300 hover:text-red-300", !onPage && "ml-auto")}
        aria-label="Delete"
        title="Delete"
        onClick={() => setConfirming(true)}
      >
        {label("Delete", <TrashIcon />)}
      </button>
      {/* In <body>, not the card: the dialog's own buttons must not read as the card's. */}
      {confirming &&
        createPortal(
        <ConfirmDialog
          open
          title="Delete this video?"
          confirmLabel="Delete"
          danger
          busy={actions.busy === "delete"}
          onConfirm={remove}
          onClose={() => setConfirming(false)}
        >
          The video, its poster, its input image and any share links are removed for good.
        </ConfirmDialog>,
        document.body,
      )}
    </div>
  );
}
