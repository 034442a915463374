/**
 * The id of a job event, which a reconnecting client sends back as `Last-Event-ID`:
 * `<mark>.<jobId>.<digest>`. `mark` is the newest `updatedAt` (epoch ms) the stream had sent when
 * it sent this event, so it never goes down; `jobId` and `digest` name the job state the event
 * carried, so a resume does not send that very state again.
 */
import { createHash } from "node:crypto";

export interface EventCursor {
  /** The stream's high-water mark: the newest updatedAt sent so far. */
  mark: number;
  /** The job of the last event, and a digest of the JSON it carried. */
  jobId: string;
  digest: string;
}

const ID = /^(\d{1,15})\.([A-Za-z0-9_-]{1,64})\.([A-Za-z0-9_-]{1,32})$/;

export function formatEventId(c: EventCursor): string {
  return `${c.mark}.${c.jobId}.${c.digest}`;
}

/** The cursor in a Last-Event-ID, or null when it is not one of ours (the stream then starts fresh). */
export function parseEventId(id: string | null | undefined): EventCursor | null {
  const m = id ? ID.exec(id.trim()) : null;
  if (!m) return null;
  const mark = Number(m[1]);
  return Number.isSafeInteger(mark) ? { mark, jobId: m[2]!, digest: m[3]! } : null;
}

/** A short fingerprint of a job's API JSON: two changes in the same millisecond still differ. */
export function jobDigest(json: string): string {
  return createHash("sha1").update(json).digest("base64url").slice(0, 12);
}
