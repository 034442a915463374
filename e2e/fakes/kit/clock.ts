/**
 * A fake job on a clock: queued, then running with progress, then done — computed from its
 * start time on every read, so a fake needs no timers and every poll sees a consistent state.
 */
export type FakePhase = "queued" | "running" | "succeeded" | "failed" | "canceled";

export interface FakeTimings {
  queuedMs: number;
  runningMs: number;
}

export interface ClockedJob {
  id: string;
  createdAt: number;
  timings: FakeTimings;
  /** How it ends when the clock runs out. */
  outcome: "succeeded" | "failed";
  /** Set by cancel; wins over the clock. */
  canceledAt: number | null;
}

export function newClockedJob(id: string, timings: FakeTimings, outcome: ClockedJob["outcome"] = "succeeded", now = Date.now()): ClockedJob {
  return { id, createdAt: now, timings, outcome, canceledAt: null };
}

export function phaseOf(job: ClockedJob, now = Date.now()): { phase: FakePhase; progress: number; completedAt: number | null } {
  const doneAt = job.createdAt + job.timings.queuedMs + job.timings.runningMs;
  if (job.canceledAt !== null && job.canceledAt < doneAt) return { phase: "canceled", progress: 0, completedAt: job.canceledAt };
  const elapsed = now - job.createdAt;
  if (elapsed < job.timings.queuedMs) return { phase: "queued", progress: 0, completedAt: null };
  if (now < doneAt) return { phase: "running", progress: (elapsed - job.timings.queuedMs) / job.timings.runningMs, completedAt: null };
  return { phase: job.outcome, progress: 1, completedAt: doneAt };
}

export const isTerminalPhase = (p: FakePhase) => p === "succeeded" || p === "failed" || p === "canceled";
