"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useToast } from "@/components/ui/toaster";
import { cancelJobAction } from "@/lib/actions/cancel-job";
import { deleteJobAction } from "@/lib/actions/delete-job";
import type { ActionResult } from "@/lib/actions/result";
import { retryJobAction } from "@/lib/actions/retry-job";
import { setFavoriteAction } from "@/lib/actions/set-favorite";
import type { JobJson } from "@/lib/jobs/serialize";
import { removeJob, upsertJob } from "./jobs-cache";

type Busy = "cancel" | "retry" | "favorite" | "delete" | null;

const UNREACHABLE = "Could not reach the studio. Check your connection and try again.";

/** Cancel, retry, favorite and delete for one job: server actions, cache updates and toasts in one place. */
export function useJobActions(job: JobJson) {
  const qc = useQueryClient();
  const toast = useToast();
  const [busy, setBusy] = useState<Busy>(null);

  /** The action's value wrapped in { value } when it worked (a value may itself be null), else null after a toast. */
  async function run<T>(kind: Exclude<Busy, null>, call: () => Promise<ActionResult<T>>): Promise<{ value: T } | null> {
    setBusy(kind);
    try {
      const result = await call();
      if (result.ok) return { value: result.value };
      toast(result.error, "error");
    } catch {
      toast(UNREACHABLE, "error");
    } finally {
      setBusy(null);
    }
    return null;
  }

  return {
    busy,
    async cancel() {
      const done = await run("cancel", () => cancelJobAction(job.id));
      if (done) upsertJob(qc, done.value);
    },
    async retry(): Promise<JobJson | null> {
      const done = await run("retry", () => retryJobAction(job.id));
      if (!done) return null;
      upsertJob(qc, done.value);
      toast("Retrying as a new video.", "success");
      return done.value;
    },
    async toggleFavorite() {
      const next = !job.favorite;
      // Optimistic: the star answers at once and goes back if the server says no.
      upsertJob(qc, { ...job, favorite: next });
      const done = await run("favorite", () => setFavoriteAction(job.id, next));
      if (!done) upsertJob(qc, { ...job, favorite: !next });
    },
    async remove(): Promise<boolean> {
      const done = await run("delete", () => deleteJobAction(job.id));
      if (!done) return false;
      removeJob(qc, job.id);
      toast("Video deleted.", "info");
      return true;
    },
  };
}
