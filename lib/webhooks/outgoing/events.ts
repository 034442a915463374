/** The events a person can subscribe an endpoint to: a job of theirs ending, one way or another. */
import type { JobStatus } from "../../db/schema";

export const OUTGOING_EVENTS = ["job.succeeded", "job.failed", "job.canceled"] as const;
export type OutgoingEvent = (typeof OUTGOING_EVENTS)[number];

export const EVENT_LABELS: Record<OutgoingEvent, string> = {
  "job.succeeded": "A video is ready",
  "job.failed": "A job failed",
  "job.canceled": "A job was canceled",
};

/** The job status an event reports ("job.failed" -> "failed"), as stored in an endpoint's events column. */
export function statusOfEvent(event: OutgoingEvent): JobStatus {
  return event.slice("job.".length) as JobStatus;
}

export function eventOfStatus(status: JobStatus): OutgoingEvent | null {
  const event = `job.${status}`;
  return (OUTGOING_EVENTS as readonly string[]).includes(event) ? (event as OutgoingEvent) : null;
}

/** The events column: "succeeded,failed,canceled". */
export function eventsColumn(events: readonly OutgoingEvent[]): string {
  return OUTGOING_EVENTS.filter((e) => events.includes(e)).map(statusOfEvent).join(",");
}

export function eventsOfColumn(column: string): OutgoingEvent[] {
  const statuses = column.split(",");
  return OUTGOING_EVENTS.filter((e) => statuses.includes(statusOfEvent(e)));
}
