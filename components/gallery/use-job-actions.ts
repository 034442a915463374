"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useToast } from "@/components/ui/toaster";
import { useRunAction } from "@/components/ui/use-run-action";
import { cancelJobAction } from "@/lib/actions/cancel-job";
import { deleteJobAction } from "@/lib/actions/delete-job";
import { retryJobAction } from "@/lib/actions/retry-job";
import { setFavoriteAction } from "@/lib/actions/set-favorite";
import type { JobJson } from "@/lib/jobs/serialize";
import { removeJob, upsertJob } from "./jobs-cache";

/** Cancel, retry, favorite and delete for one job: server actions, cache updates and toasts in one place. */
export function useJobActions(job: JobJson) {
  const qc = useQueryClient();
  const toast = useToast();
  const { busy, run } = useRunAction<"cancel" | "retry" | "favorite" | "delete">();

  return {
    busy,
    async cancel() {
      const done = await run("cancel", () => cancelJobAction(job.id));
      if (done.ok) upsertJob(qc, done.value);
    },
    async retry(): Promise<JobJson | null> {
      const done = await run("retry", () => retryJobAction(job.id));
      if (!done.ok) return null;
      upsertJob(qc, done.value);
      toast("Retrying as a new video.", "success");
      return done.value;
    },
    async toggleFavorite() {
      const next = !job.favorite;
      // Optimistic: the star answers at once and goes back if the server says no.
      upsertJob(qc, { ...job, favorite: next });
      const done = await run("favorite", () => setFavoriteAction(job.id, next));
      if (!done.ok) upsertJob(qc, { ...job, favorite: !next });
    },
    async remove(): Promise<boolean> {
      const done = await run("delete", () => deleteJobAction(job.id));
      if (!done.ok) return false;
      removeJob(qc, job.id);
      toast("Video deleted.", "info");
      return true;
    },
  };
}
