/**
 * One live connection: a byte stream of Server-Sent Events with one person's job changes. It
 * replays what changed since the client's Last-Event-ID, then sends each change as it happens
 * (woken by the hub), sweeps the database on a timer for changes no wake announced (a worker in
 * another process on SQLite, a lost Postgres notification), sends a comment as a heartbeat so
 * proxies keep it open, re-checks that the asker may still see it, and cleans up when the client
 * goes away.
 */
import "server-only";
import type { Db } from "../../db/client";
import { listChangedJobs } from "../../db/queries/job-changes";
import { env } from "../../env";
import { remoteEventsLive } from "../events";
import { serializeJobs } from "../serialize-jobs";
import type { EventCursor } from "./event-id";
import { ChangeFollower, type FollowerEvent } from "./follower";
import { liveHub } from "./hub";
import { sseComment, sseEvent, sseRetry } from "./sse";

export const HEARTBEAT_MS = 15_000;
/** How often to look without a wake when only this process's changes are pushed here (SQLite, or Postgres with LISTEN down). */
export const SWEEP_MS = 1_000;
const REAUTH_MS = 60_000;
/** The browser's wait before reconnecting on its own. */
const RETRY_MS = 2_000;
/** A client this far behind is not reading: drop it (it resumes from the database when it comes back). */
const MAX_QUEUED_BYTES = 4 * 1024 * 1024;

export interface JobStreamOptions {
  db: Db;
  userId: string;
  /** A Last-Event-ID's cursor, or where a fresh stream starts (epoch ms). */
  start: EventCursor | { since: number };
  /** The request's signal: the stream ends when the client disconnects. */
  signal?: AbortSignal;
  /** Whether the asker may still read this person's jobs (signed out, token revoked: the stream ends). */
  stillAllowed?: () => Promise<boolean>;
  heartbeatMs?: number;
  sweepMs?: () => number;
  reauthMs?: number;
}

const encoder = new TextEncoder();

function frame(e: FollowerEvent): string {
  return e.type === "job" ? sseEvent({ event: "job", id: e.id, data: e.json }) : sseEvent({ event: "reset", id: e.id, data: "{}" });
}

/** The next sweep (or wake) reads again from the same mark: nothing is lost. */
function readFailed(err: unknown): void {
  console.warn("[live] reading job changes failed; trying again", err);
}

function defaultSweepMs(): number {
  // With every process's changes pushed here (Postgres LISTEN up), a sweep is only a safety net.
  return remoteEventsLive() ? env().LIVE_SAFETY_SWEEP_MS : SWEEP_MS;
}

/** The event stream, or null when this person already holds as many streams as allowed. */
export function openJobStream(opts: JobStreamOptions): ReadableStream<Uint8Array> | null {
  const { db, userId } = opts;
  const follower = new ChangeFollower(
    (since, after, limit) => listChangedJobs(db, userId, since, after, limit),
    (rows) => serializeJobs(db, rows),
    opts.start,
  );
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let closed = false;
  let running = false;
  let again = false;
  const timers: Array<ReturnType<typeof setInterval>> = [];
  let sweepTimer: ReturnType<typeof setTimeout> | null = null;

  const leave = liveHub(db).join(userId, { wake: () => void pump().catch(readFailed) });
  if (!leave) return null;

  function send(text: string): void {
    if (closed) return;
    controller.enqueue(encoder.encode(text));
    if ((controller.desiredSize ?? 0) < -MAX_QUEUED_BYTES) close();
  }

  function close(): void {
    if (closed) return;
    closed = true;
    for (const t of timers) clearInterval(t);
    if (sweepTimer) clearTimeout(sweepTimer);
    leave!();
    opts.signal?.removeEventListener("abort", close);
    try {
      controller.close();
    } catch {
      // already closed or canceled by the client
    }
  }

  /** Sends what changed; one read at a time, and a wake during a read means one more read after it. */
  async function pump(): Promise<void> {
    if (closed) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        for (const e of await follower.next()) send(frame(e));
      } while (again && !closed);
    } finally {
      running = false;
    }
  }

  function sweep(): void {
    sweepTimer = setTimeout(() => {
      void pump()
        .catch(readFailed)
        .finally(() => {
          if (!closed) sweep();
        });
    }, (opts.sweepMs ?? defaultSweepMs)());
  }

  async function begin(): Promise<void> {
    send(sseRetry(RETRY_MS));
    try {
      await pump();
    } catch (err) {
      // Without the database there is nothing to stream: the client falls back to polling and retries.
      console.warn("[live] could not replay job changes", err);
      return close();
    }
    // "ready" carries a resumable id even when nothing changed, and tells the client the stream is healthy.
    send(sseEvent({ event: "ready", id: follower.cursorId(), data: "{}" }));
    if (closed) return;
    sweep();
    timers.push(setInterval(() => send(sseComment("keep-alive")), opts.heartbeatMs ?? HEARTBEAT_MS));
    if (opts.stillAllowed) {
      const check = opts.stillAllowed;
      timers.push(
        setInterval(() => {
          void check().then(
            (allowed) => allowed || close(),
            () => undefined, // a failed check (database hiccup) is not a sign-out
          );
        }, opts.reauthMs ?? REAUTH_MS),
      );
    }
  }

  const stream = new ReadableStream<Uint8Array>(
    {
      start(c) {
        controller = c;
        if (opts.signal?.aborted) return close();
        opts.signal?.addEventListener("abort", close);
        void begin();
      },
      cancel: close,
    },
    { highWaterMark: 64 * 1024, size: (chunk) => chunk.byteLength },
  );
  return stream;
}
