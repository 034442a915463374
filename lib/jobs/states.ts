/** The job state table: which status may move to which. Pure; the SQL guard is built from it. */
import type { JobStatus } from "../db/schema";

export const TRANSITIONS: Readonly<Record<JobStatus, readonly JobStatus[]>> = {
  queued: ["submitted", "failed", "canceled"],
  submitted: ["running", "saving", "failed", "canceled"],
  running: ["saving", "failed", "canceled"],
  saving: ["succeeded", "failed"],
  succeeded: [],
  failed: [],
  canceled: [],
};

export const ACTIVE_STATUSES: readonly JobStatus[] = ["queued", "submitted", "running", "saving"];
export const TERMINAL_STATUSES: readonly JobStatus[] = ["succeeded", "failed", "canceled"];

export function isTerminal(status: JobStatus): boolean {
  return TERMINAL_STATUSES.includes(status);
}

/** Still on its way: the gallery shows progress and keeps polling while any job is. */
export function isActive(status: JobStatus): boolean {
  return ACTIVE_STATUSES.includes(status);
}

export function canMove(from: JobStatus, to: JobStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/**
 * The statuses a job may be in for an update to `to` to apply. A job already in `to`
 * accepts a refresh (more progress, a new ETA) unless `to` is terminal or `saving`
 * (saving is entered once; a second "done" from the provider changes nothing).
 */
export function sourcesFor(to: JobStatus): JobStatus[] {
  const from = (Object.keys(TRANSITIONS) as JobStatus[]).filter((s) => canMove(s, to));
  if (to === "submitted" || to === "running") from.push(to);
  return from;
}
