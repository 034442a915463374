/**
 * What the header's queue says about jobs in flight, from recorded facts only: a queued job's place
 * in line, a running job's figure only when its provider reported one (and saying so), elapsed time
 * against the model's usual wait. Nothing here invents progress. Pure, for the browser and tests.
 */
import { formatSeconds } from "./format-job";
import type { JobJson } from "./serialize";

type QueueJob = Pick<JobJson, "id" | "status" | "progress" | "createdAt" | "submittedAt" | "waitingReason" | "providerReport">;

export interface QueueLine {
  /** "Queued · 2nd in line", "Generating 40 %", "Saving". */
  state: string;
  /** Where a figure came from, or why there is none. */
  source: string | null;
  /** "1 min 5 s elapsed · usually ~1 min". */
  elapsed: string;
}

export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[n % 10] ?? "th"}`;
}

/** 1-based place among the queued jobs, oldest first: the order the worker sends them in. */
export function placeInLine(job: QueueJob, all: readonly QueueJob[]): number {
  const queued = all.filter((j) => j.status === "queued").sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1));
  return queued.findIndex((j) => j.id === job.id) + 1;
}

export function queueLine(job: QueueJob, all: readonly QueueJob[], now: number, typicalSeconds: number | null, providerLabel: string): QueueLine {
  const elapsedSeconds = Math.max(0, (now - Date.parse(job.createdAt)) / 1000);
  const usual = typicalSeconds ? ` · usually ~${formatSeconds(typicalSeconds)}` : "";
  const elapsed = `${formatSeconds(elapsedSeconds)} elapsed${usual}`;
  switch (job.status) {
    case "queued": {
      const place = placeInLine(job, all);
      return { state: place > 0 ? `Queued · ${ordinal(place)} in line` : "Queued", source: job.waitingReason ?? "Not sent to the provider yet.", elapsed };
    }
    case "submitted":
      return { state: "Sent · waiting to start", source: `${providerLabel} has accepted it.`, elapsed };
    case "running":
      return job.progress > 0
        ? { state: `Generating ${Math.round(job.progress * 100)} %`, source: `As reported by ${providerLabel}.`, elapsed }
        : { state: "Generating", source: `${providerLabel} reports no progress figure.`, elapsed };
    case "saving":
      return { state: "Saving", source: "Copying the video into your storage.", elapsed };
    default:
      return { state: job.status, source: null, elapsed };
  }
}

/** The header's summary: "3 rendering · 1 queued" ("" when nothing is in flight). */
export function queueSummary(jobs: readonly Pick<JobJson, "status">[]): string {
  const queued = jobs.filter((j) => j.status === "queued").length;
  const rendering = jobs.filter((j) => j.status === "submitted" || j.status === "running" || j.status === "saving").length;
  return [rendering ? `${rendering} rendering` : "", queued ? `${queued} queued` : ""].filter(Boolean).join(" · ");
}
