/**
 * What one live stream has to send next, read from the database (never from memory), so a live
 * event, a reconnect with Last-Event-ID and a periodic sweep are the same query: this user's jobs
 * changed since the stream's mark, each sent as its current API JSON.
 *
 * `updatedAt` is stamped by whichever process writes, just before its write commits, so a change
 * can become visible after a later-stamped one was already sent (two processes, a writer waiting
 * for SQLite's lock, clocks a little apart). Every read therefore reaches OVERLAP_MS behind the
 * mark, and a job state already sent (same digest) is skipped, so a late commit is still sent
 * and nothing is sent twice on one connection.
 */
import type { Job } from "../../db/schema";
import type { JobJson } from "../serialize";
import { formatEventId, jobDigest, type EventCursor } from "./event-id";

export const OVERLAP_MS = 5_000;
const PAGE = 100;
/** More changes than this since the mark (a client back after a long sleep): it is told to reload instead. */
export const MAX_REPLAY = 500;

export type ReadChanged = (since: number, after: { updatedAt: number; id: string } | null, limit: number) => Promise<Job[]>;
export type Serialize = (jobs: Job[]) => Promise<JobJson[]>;

export type FollowerEvent = { type: "job"; id: string; job: JobJson; json: string } | { type: "reset"; id: string };

export class ChangeFollower {
  private mark: number;
  /** Nothing older than this is read again (set by a reset). */
  private floor = 0;
  /** Job id -> what was last sent for it, while it can still show up in the overlap. */
  private readonly sent = new Map<string, { digest: string; updatedAt: number }>();
  private last: EventCursor;

  constructor(
    private readonly read: ReadChanged,
    private readonly serialize: Serialize,
    /** A Last-Event-ID's cursor, or where a fresh stream starts (epoch ms). */
    start: EventCursor | { since: number },
  ) {
    if ("mark" in start) {
      this.mark = start.mark;
      this.last = start;
      this.sent.set(start.jobId, { digest: start.digest, updatedAt: start.mark });
    } else {
      this.mark = start.since;
      this.last = { mark: start.since, jobId: "start", digest: "0" };
    }
  }

  /** The id a client can resume from now (also when nothing has been sent yet). */
  cursorId(): string {
    return formatEventId(this.last);
  }

  /** Everything changed since the last call (or the start), oldest change first. */
  async next(now = Date.now()): Promise<FollowerEvent[]> {
    const events: FollowerEvent[] = [];
    let after: { updatedAt: number; id: string } | null = null;
    const since = Math.max(this.mark - OVERLAP_MS, this.floor);
    for (let read = 0; ; ) {
      const rows = await this.read(since, after, PAGE);
      read += rows.length;
      if (read > MAX_REPLAY) return [this.reset(now)];
      const jsons = await this.serialize(rows);
      rows.forEach((row, i) => {
        const job = jsons[i]!;
        const json = JSON.stringify(job);
        const digest = jobDigest(json);
        if (this.sent.get(row.id)?.digest === digest) return;
        this.sent.set(row.id, { digest, updatedAt: row.updatedAt });
        this.mark = Math.max(this.mark, row.updatedAt);
        this.last = { mark: this.mark, jobId: row.id, digest };
        events.push({ type: "job", id: formatEventId(this.last), job, json });
      });
      if (rows.length < PAGE) break;
      const tail = rows.at(-1)!;
      after = { updatedAt: tail.updatedAt, id: tail.id };
    }
    this.forget();
    return events;
  }

  /** Too much to replay: the client reloads what it shows, and the stream goes on from now. */
  private reset(now: number): FollowerEvent {
    this.sent.clear();
    this.mark = Math.max(this.mark, now);
    // The client reloads after this event, so it sees every change made before now.
    this.floor = now;
    this.last = { mark: this.mark, jobId: "reset", digest: "0" };
    return { type: "reset", id: formatEventId(this.last) };
  }

  /** States older than the overlap are never read again: no need to remember them. */
  private forget(): void {
    const horizon = this.mark - OVERLAP_MS;
    for (const [id, s] of this.sent) if (s.updatedAt < horizon) this.sent.delete(id);
  }
}
