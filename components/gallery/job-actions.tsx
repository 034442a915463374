"use client";
import dynamic from "next/dynamic";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { Button, buttonClass } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { downloadName } from "@/lib/jobs/download-name";
import type { JobJson } from "@/lib/jobs/serialize";
import { nextStep, PROVIDER_SETTINGS_HREF } from "@/lib/jobs/next-step";
import { isActive } from "@/lib/jobs/states";
import { useCancelWithUndo } from "../queue/use-cancel-with-undo";
import { DownloadIcon, RemixIcon, RetryIcon, StarIcon, StopIcon, TrashIcon } from "./icons";
import { useJobActions } from "./use-job-actions";

// Only when Delete is pressed: every card has the button, few ever ask.
const ConfirmDialog = dynamic(() => import("@/components/ui/confirm-dialog").then((m) => m.ConfirmDialog), { ssr: false });

/**
 * What can be done with a job. On a card the buttons are icons (named for screen readers, titled
 * for the mouse); on the job page they carry their words, and retry/delete move the page along.
 */
export function JobActions({ job, layout = "card" }: { job: JobJson; layout?: "card" | "page" }) {
  const actions = useJobActions(job);
  const undoable = useCancelWithUndo();
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const onPage = layout === "page";
  const active = isActive(job.status);
  const look = { variant: "ghost", size: onPage ? "sm" : "icon" } as const;
  const framed = onPage ? "border border-neutral-700" : undefined;
  const linkClass = cn(buttonClass(look), framed);
  const step = nextStep(job.status, job.error?.code);
  const remixHref = `/?remix=${encodeURIComponent(job.id)}`;

  const label = (text: string, icon: ReactNode) => (
    <>
      {icon}
      {onPage && <span>{text}</span>}
    </>
  );

  // One action at a time per job.
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
      {active && !undoable.canceling.has(job.id) && (
        <Button
          variant="ghost"
          size="sm"
          className={cn(framed, "gap-1")}
          title="Cancel: you can undo it for a few seconds"
          onClick={() => undoable.cancel(job)}
        >
          <StopIcon />
          <span>Cancel</span>
        </Button>
      )}
      {active && undoable.canceling.has(job.id) && (
        <Button variant="ghost" size="sm" className={framed} onClick={() => undoable.undo(job.id)}>
          Undo cancel
        </Button>
      )}
      {!active && step === "retry" && (
        <Button {...look} className={framed} aria-label="Retry" title="Retry: run the same request again" busy={actions.busy === "retry"} onClick={idle(retry)}>
          {label("Retry", <RetryIcon />)}
        </Button>
      )}
      {step === "edit" && (
        <Link href={remixHref} className={cn(buttonClass({ variant: "secondary", size: "sm" }))}>
          Edit and try again
        </Link>
      )}
      {step === "check-provider" && (
        <Link href={PROVIDER_SETTINGS_HREF} className={cn(buttonClass({ variant: "secondary", size: "sm" }))}>
          Check provider
        </Link>
      )}
      <Link href={remixHref} className={linkClass} aria-label="Remix" title="Remix: edit the settings and try again">
        {label("Remix", <RemixIcon />)}
      </Link>
      <Button
        {...look}
        className={cn(framed, "aria-pressed:text-amber-300 aria-pressed:hover:text-amber-200")}
        aria-label="Favorite"
        aria-pressed={job.favorite}
        title={job.favorite ? "Remove from favorites" : "Add to favorites"}
        busy={actions.busy === "favorite"}
        onClick={idle(actions.toggleFavorite)}
      >
        {label("Favorite", <StarIcon filled={job.favorite} />)}
      </Button>
      {job.video && (
        <a href={`${job.video.url}?download`} download={downloadName(job.prompt, job.video.url)} className={linkClass} aria-label="Download" title="Download">
          {label("Download", <DownloadIcon />)}
        </a>
      )}
      <Button {...look} className={cn(framed, "hover:text-red-300", !onPage && "ml-auto")} aria-label="Delete" title="Delete" onClick={() => setConfirming(true)}>
        {label("Delete", <TrashIcon />)}
      </Button>
      {confirming && (
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
        </ConfirmDialog>
      )}
    </div>
  );
}
