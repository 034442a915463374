"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button, buttonClass } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useToast } from "@/components/ui/toaster";
import { useRunAction } from "@/components/ui/use-run-action";
import { deleteJobAction } from "@/lib/actions/delete-job";
import type { ProjectJson } from "@/lib/actions/projects";
import { setFavoriteAction } from "@/lib/actions/set-favorite";
import type { JobJson } from "@/lib/jobs/serialize";
import { MoveToProject } from "../projects/move-to-project";
import { removeJob, upsertJob } from "./jobs-cache";

/**
 * What can be done to several selected videos at once: move, favorite, download as one zip
 * (streamed by /api/jobs/zip), delete after a confirm. Sticks to the bottom of the screen while shown.
 */
export function BulkBar({ jobs, projects, onClear }: { jobs: JobJson[]; projects?: ProjectJson[]; onClear: () => void }) {
  const qc = useQueryClient();
  const toast = useToast();
  const { busy, run } = useRunAction<"favorite" | "delete">();
  const [confirming, setConfirming] = useState(false);
  const ready = jobs.filter((j) => j.video);
  const allFavorite = jobs.every((j) => j.favorite);

  async function favorite() {
    const next = !allFavorite;
    for (const job of jobs) {
      const done = await run("favorite", () => setFavoriteAction(job.id, next));
      if (done.ok) upsertJob(qc, { ...job, favorite: next });
    }
  }

  async function remove() {
    let removed = 0;
    for (const job of jobs) {
      const done = await run("delete", () => deleteJobAction(job.id));
      if (done.ok) {
        removeJob(qc, job.id);
        removed++;
      }
    }
    setConfirming(false);
    toast(removed === 1 ? "Video deleted." : `${removed} videos deleted.`, "info");
    onClear();
  }

  return (
    <div role="region" aria-label="Selected videos" className="sticky bottom-2 z-20 flex flex-wrap items-end gap-3 rounded-xl border border-neutral-700 bg-neutral-900/95 p-3 shadow-lg">
      <p className="self-center text-sm font-medium text-neutral-100" aria-live="polite">
        {jobs.length} selected
      </p>
      {projects && <MoveToProject jobs={jobs} projects={projects} label="Move to" />}
      <Button variant="secondary" className="min-h-11" busy={busy === "favorite"} onClick={() => void favorite()}>
        {allFavorite ? "Unfavorite" : "Favorite"}
      </Button>
      {ready.length > 0 ? (
        <a href={`/api/jobs/zip?ids=${ready.map((j) => encodeURIComponent(j.id)).join(",")}`} download className={buttonClass({ variant: "secondary" }) + " min-h-11"}>
          Download zip ({ready.length})
        </a>
      ) : null}
      <Button variant="danger" className="min-h-11" busy={busy === "delete"} onClick={() => setConfirming(true)}>
        Delete
      </Button>
      <Button variant="ghost" className="min-h-11" onClick={onClear}>
        Clear selection
      </Button>
      <ConfirmDialog
        open={confirming}
        title={jobs.length === 1 ? "Delete this video?" : `Delete ${jobs.length} videos?`}
        confirmLabel="Delete"
        danger
        busy={busy === "delete"}
        onConfirm={() => void remove()}
        onClose={() => setConfirming(false)}
      >
        Their files are removed too. This cannot be undone.
      </ConfirmDialog>
    </div>
  );
}
