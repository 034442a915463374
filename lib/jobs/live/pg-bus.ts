/**
 * Job events between processes on Postgres: every local "created"/"changed" is also sent with
 * NOTIFY, and one LISTEN connection per process turns other processes' notifications back into
 * local events (marked remote, with the job's owner), which wake the worker and the live streams.
 * A notification carries only ids: streams read the job from the database themselves, so a lost
 * notification costs at most a sweep's delay (while LISTEN is down, streams sweep every second).
 */
import "server-only";
import { randomBytes } from "node:crypto";
import { inArray, sql } from "drizzle-orm";
import pg from "pg";
import type { Db } from "../../db/client";
import { jobEvents, setRemoteEventsLive, type RemoteOrigin } from "../events";

export const CHANNEL = "dailies_jobs";
/** This process, so it ignores its own notifications (it has already acted on them). */
const ORIGIN = randomBytes(9).toString("base64url");
const RECONNECT_MIN_MS = 1_000;
const RECONNECT_MAX_MS = 30_000;
const CONNECT_TIMEOUT_MS = 10_000;
/** Jobs per NOTIFY statement. */
const NOTIFY_BATCH = 500;

interface Notice {
  o: string;
  k: "c" | "u";
  j: string;
  u: string | null;
  s: string;
}

function parseNotice(payload: string | undefined): Notice | null {
  try {
    const n = JSON.parse(payload ?? "") as Partial<Notice>;
    return typeof n.o === "string" && (n.k === "c" || n.k === "u") && typeof n.j === "string" && typeof n.s === "string" ? (n as Notice) : null;
  } catch {
    return null;
  }
}

export interface PgBus {
  stop(): Promise<void>;
}

/** Starts the bus; resolves once the first LISTEN is up or has failed (it keeps retrying either way). */
export async function startPgBus(db: Db, url: string): Promise<PgBus> {
  let client: pg.Client | null = null;
  let stopped = false;
  let delay = RECONNECT_MIN_MS;
  let retry: ReturnType<typeof setTimeout> | null = null;

  // Changes come in bursts (a webhook storm, a worker's batch): the ones raised in one turn of the
  // event loop go out in one statement, each job once, its owner and status read from the row itself.
  const { jobs } = db.t;
  let pending = new Map<string, "c" | "u">();
  let flushQueued = false;

  async function flush(): Promise<void> {
    flushQueued = false;
    const batch = pending;
    pending = new Map();
    for (const kind of ["c", "u"] as const) {
      const ids = [...batch].filter(([, k]) => k === kind).map(([id]) => id);
      for (let i = 0; i < ids.length; i += NOTIFY_BATCH) {
        await db.orm
          .execute(
            sql`SELECT pg_notify(${CHANNEL}, json_build_object('o', ${ORIGIN}::text, 'k', ${kind}::text, 'j', ${jobs.id}, 'u', ${jobs.userId}, 's', ${jobs.status})::text) FROM ${jobs} WHERE ${inArray(jobs.id, ids.slice(i, i + NOTIFY_BATCH))}`,
          )
          .catch((err: unknown) => console.warn("[live] NOTIFY failed; other processes find the change on their next sweep", err));
      }
    }
  }

  function queue(kind: "c" | "u", jobId: string): void {
    // "created" also wakes streams on the other side, so it covers a change in the same batch.
    if (pending.get(jobId) !== "c") pending.set(jobId, kind);
    if (flushQueued) return;
    flushQueued = true;
    setImmediate(() => void flush());
  }

  const onCreated = (jobId: string, origin?: RemoteOrigin) => origin || queue("c", jobId);
  const onChanged = (jobId: string, _status: string, origin?: RemoteOrigin) => origin || queue("u", jobId);
  jobEvents().on("created", onCreated);
  jobEvents().on("changed", onChanged);

  function receive(msg: pg.Notification): void {
    if (msg.channel !== CHANNEL) return;
    const n = parseNotice(msg.payload);
    if (!n || n.o === ORIGIN) return;
    const origin: RemoteOrigin = { remote: true, userId: n.u };
    if (n.k === "c") jobEvents().emit("created", n.j, origin);
    else jobEvents().emit("changed", n.j, n.s, origin);
  }

  function lost(c: pg.Client, err?: unknown): void {
    if (client !== c) return;
    client = null;
    setRemoteEventsLive(false);
    void c.end().catch(() => undefined);
    if (stopped) return;
    if (err) console.warn(`[live] Postgres LISTEN connection lost; reconnecting in ${delay} ms`, err instanceof Error ? err.message : err);
    retry = setTimeout(connect, delay);
    delay = Math.min(RECONNECT_MAX_MS, delay * 2);
  }

  async function connect(): Promise<void> {
    retry = null;
    if (stopped) return;
    const c = new pg.Client({ connectionString: url, keepAlive: true, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
    client = c;
    c.on("notification", receive);
    c.on("error", (err) => lost(c, err));
    c.on("end", () => lost(c));
    try {
      await c.connect();
      await c.query(`LISTEN ${CHANNEL}`);
    } catch (err) {
      return lost(c, err);
    }
    if (client !== c) return;
    delay = RECONNECT_MIN_MS;
    setRemoteEventsLive(true);
  }

  await connect();
  return {
    async stop() {
      stopped = true;
      if (retry) clearTimeout(retry);
      jobEvents().off("created", onCreated);
      jobEvents().off("changed", onChanged);
      const c = client;
      client = null;
      setRemoteEventsLive(false);
      await c?.end().catch(() => undefined);
    },
  };
}
