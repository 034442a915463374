/**
 * What an outgoing webhook says: the Standard Webhooks shape `{ type, timestamp, data }`, where
 * data is the job exactly as GET /api/jobs/:id shows it, as it was when it ended.
 */
import type { Job } from "../../db/schema";
import { serializeJob, type JobJson } from "../../jobs/serialize";
import type { OutgoingEvent } from "./events";

export interface OutgoingPayload {
  type: OutgoingEvent;
  /** When the event happened (the job ended), ISO 8601. */
  timestamp: string;
  data: JobJson;
}

export function buildPayload(event: OutgoingEvent, job: Job): OutgoingPayload {
  return { type: event, timestamp: new Date(job.completedAt ?? job.updatedAt).toISOString(), data: serializeJob(job) };
}
