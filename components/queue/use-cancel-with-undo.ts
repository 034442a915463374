"use client";
import { useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useCallback, useSyncExternalStore } from "react";
import { useDismissToast, useToast } from "@/components/ui/toaster";
import { cancelJobAction } from "@/lib/actions/cancel-job";
import { promptStart } from "@/lib/jobs/format-job";
import type { JobJson } from "@/lib/jobs/serialize";
import { upsertJob } from "../gallery/jobs-cache";

/** Time to take a Cancel back before anything is sent: the provider's cancel cannot be undone. */
export const CANCEL_GRACE_MS = 5_000;

interface Pending {
  timer: ReturnType<typeof setTimeout>;
  toastId: number;
}

/** Cancels waiting out their grace period, by job id; shared so every view of a job shows "Canceling". */
const pending = new Map<string, Pending>();
const listeners = new Set<() => void>();
let snapshot: ReadonlySet<string> = new Set();

function changed() {
  snapshot = new Set(pending.keys());
  for (const l of listeners) l();
}

function subscribe(l: () => void) {
  listeners.add(l);
  return () => listeners.delete(l);
}

const EMPTY: ReadonlySet<string> = new Set();

// A tab closed during the grace period still cancels: what the person asked for last was to cancel.
if (typeof window !== "undefined") {
  window.addEventListener("pagehide", () => {
    for (const [id, p] of pending) {
      clearTimeout(p.timer);
      void fetch(`/api/jobs/${encodeURIComponent(id)}/cancel`, { method: "POST", keepalive: true }).catch(() => undefined);
    }
    pending.clear();
  });
}

async function sendCancel(qc: QueryClient, id: string, report: (message: string) => void) {
  const done = await cancelJobAction(id).catch(() => ({ ok: false as const, error: "The studio could not be reached, so the video was not canceled. Try again." }));
  if (done.ok) upsertJob(qc, done.value);
  else report(done.error);
}

/**
 * Cancel with a way back: the job is marked "Canceling" and a toast offers Undo for a few seconds;
 * only then is the cancel sent (and, for a job already at the provider, the provider's cancel).
 * Undo within the grace period leaves the job exactly as it was.
 */
export function useCancelWithUndo() {
  const qc = useQueryClient();
  const toast = useToast();
  const dismissToast = useDismissToast();
  const canceling = useSyncExternalStore(subscribe, () => snapshot, () => EMPTY);

  const undo = useCallback(
    (id: string) => {
      const p = pending.get(id);
      if (!p) return;
      clearTimeout(p.timer);
      pending.delete(id);
      dismissToast(p.toastId);
      changed();
      toast("Cancel undone: the video keeps rendering.", "info");
    },
    [dismissToast, toast],
  );

  const cancel = useCallback(
    (job: JobJson) => {
      if (pending.has(job.id)) return;
      const send = () => {
        const p = pending.get(job.id);
        pending.delete(job.id);
        if (p) dismissToast(p.toastId);
        changed();
        void sendCancel(qc, job.id, (message) => toast(message, "error"));
      };
      const toastId = toast({
        message: `Canceling “${promptStart(job.prompt, 40)}”…`,
        tone: "info",
        action: { label: "Undo", onClick: () => undo(job.id) },
      });
      pending.set(job.id, { timer: setTimeout(send, CANCEL_GRACE_MS), toastId });
      changed();
    },
    [qc, toast, undo, dismissToast],
  );

  return { cancel, undo, canceling };
}
