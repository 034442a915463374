"use client";
import { useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { useToast } from "@/components/ui/toaster";
import { promptStart } from "@/lib/jobs/format-job";
import type { Finished } from "@/lib/jobs/poll-diff";
import { notifyTakeFinished } from "../shell/take-notification";
import { startLiveJobs, type LiveMode } from "./live-jobs";

type Notify = (f: Finished) => void;

interface Shared {
  users: number;
  notify: Notify;
  stop: () => void;
  idle: ReturnType<typeof setTimeout> | null;
}

/** Going from one page to the next unmounts the last user just before the next one mounts: keep the stream that long. */
const LINGER_MS = 2_000;

function showMode(mode: LiveMode): void {
  // For diagnostics and tests: whether this tab is on the stream or polling right now.
  document.documentElement.dataset.liveUpdates = mode;
}

/** One stream (or poller) per QueryClient however many feeds or job views mount the hook. */
const running = new WeakMap<QueryClient, Shared>();

function acquire(qc: QueryClient, notify: Notify): () => void {
  let shared = running.get(qc);
  if (shared) {
    shared.users++;
    shared.notify = notify;
    if (shared.idle) clearTimeout(shared.idle);
    shared.idle = null;
  } else {
    const entry: Shared = { users: 1, notify, stop: () => undefined, idle: null };
    entry.stop = startLiveJobs(qc, (f) => entry.notify(f), showMode);
    running.set(qc, entry);
    shared = entry;
  }
  const mine = shared;
  return () => {
    if (--mine.users > 0) return;
    mine.idle = setTimeout(() => {
      if (mine.users > 0) return;
      mine.stop();
      running.delete(qc);
      delete document.documentElement.dataset.liveUpdates;
    }, LINGER_MS);
  };
}

/**
 * Keeps every cached job fresh (pushed by the event stream, polled while it is down), and says
 * when one is ready or failed. Mount it wherever jobs are shown; the stream itself opens once.
 */
export function useLiveJobs(): void {
  const qc = useQueryClient();
  const toast = useToast();
  const router = useRouter();
  useEffect(
    () =>
      acquire(qc, ({ job, outcome }) => {
        // Also a system notification, if turned on and the tab is hidden (take-notification.ts).
        notifyTakeFinished(job, outcome, (href) => router.push(href));
        // Several finishing together make one toast ("3 videos ready"), whose action opens the newest.
        if (outcome === "succeeded")
          toast({
            message: `Your video is ready: “${promptStart(job.prompt)}”`,
            tone: "success",
            action: { label: "Play", href: `/jobs/${job.id}` },
            group: { key: "ready", summary: (n) => `${n} videos are ready` },
          });
        else
          toast({
            message: `Your video failed: ${job.error?.message ?? "the provider gave no reason."}`,
            tone: "error",
            action: { label: "Open", href: `/jobs/${job.id}` },
            group: { key: "failed", summary: (n) => `${n} videos failed. Open each one to see why.` },
          });
      }),
    [qc, toast, router],
  );
}
