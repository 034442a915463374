"use client";
import { useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useToast } from "@/components/ui/toaster";
import { promptStart } from "@/lib/jobs/format-job";
import type { Finished } from "@/lib/jobs/poll-diff";
import { startJobPoller } from "./job-poller";

type Notify = (f: Finished) => void;

interface Shared {
  users: number;
  notify: Notify;
  stop: () => void;
}

/** One poller per QueryClient however many feeds or job views mount the hook. */
const running = new WeakMap<QueryClient, Shared>();

function acquire(qc: QueryClient, notify: Notify): () => void {
  let shared = running.get(qc);
  if (shared) {
    shared.users++;
    shared.notify = notify;
  } else {
    const entry: Shared = { users: 1, notify, stop: () => undefined };
    entry.stop = startJobPoller(qc, (f) => entry.notify(f));
    running.set(qc, entry);
    shared = entry;
  }
  const mine = shared;
  return () => {
    if (--mine.users > 0) return;
    mine.stop();
    running.delete(qc);
  };
}

/**
 * Keeps every cached job fresh while any is active, and says when one is ready or failed.
 * Mount it wherever jobs are shown; the polling itself happens once.
 */
export function useJobPolling(): void {
  const qc = useQueryClient();
  const toast = useToast();
  useEffect(
    () =>
      acquire(qc, ({ job, outcome }) => {
        if (outcome === "succeeded") toast(`Your video is ready: “${promptStart(job.prompt)}”`, "success");
        else toast(`Your video failed: ${job.error?.message ?? "the provider gave no reason."}`, "error");
      }),
    [qc, toast],
  );
}
