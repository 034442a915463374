import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { waitFor } from "../../../e2e/support/app-server";
import { eachDialect } from "../../../e2e/support/each-dialect";
import { seedJob, testDialects } from "../../../e2e/support/test-db";
import { freshPostgresDatabase } from "../../../e2e/support/test-postgres";
import { closeDb, openDb, type Db } from "../../db/client";
import { writeJobStatus } from "../../db/queries/job-status";
import { statusWrite, transition } from "../apply-update";
import { jobEvents, remoteEventsLive, type RemoteOrigin } from "../events";
import { liveHub, MAX_STREAMS_PER_USER } from "./hub";
import { openJobStream, type JobStreamOptions } from "./job-stream";
import { CHANNEL, startPgBus } from "./pg-bus";
import { SseParser, type ParsedSse } from "./sse";

/** Reads a stream's events as a client would, until one matches (bounded, no sleeps). */
class Client {
  readonly events: ParsedSse[] = [];
  private readonly parser = new SseParser();
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private readonly decoder = new TextDecoder();
  ended = false;

  constructor(stream: ReadableStream<Uint8Array>) {
    this.reader = stream.getReader();
  }

  get comments(): number {
    return this.parser.comments;
  }

  /** Reads until `until` holds (checked after every chunk) or the stream ends; fails after `timeoutMs`. */
  async readUntil(until: (c: Client) => boolean, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!until(this)) {
      if (this.ended) throw new Error(`the stream ended first; events: ${JSON.stringify(this.events)}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out; events: ${JSON.stringify(this.events)}`);
      let timer: ReturnType<typeof setTimeout> | undefined;
      const chunk = await Promise.race([
        this.reader.read(),
        new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), left))),
      ]).finally(() => clearTimeout(timer));
      if (chunk === "timeout") continue;
      if (chunk.done) this.ended = true;
      else this.events.push(...this.parser.push(this.decoder.decode(chunk.value, { stream: true })));
    }
  }

  jobs(): Array<{ id: string; status: string }> {
    return this.events.filter((e) => e.event === "job").map((e) => JSON.parse(e.data) as { id: string; status: string });
  }

  cancel(): Promise<void> {
    return this.reader.cancel();
  }
}

const open: Client[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((c) => c.cancel().catch(() => undefined)));
});

function connect(db: Db, userId: string, extra: Partial<JobStreamOptions> = {}): Client {
  const stream = openJobStream({ db, userId, start: { since: Date.now() }, sweepMs: () => 60_000, ...extra });
  if (!stream) throw new Error("the stream was refused");
  const c = new Client(stream);
  open.push(c);
  return c;
}

const has = (event: string, pred: (data: Record<string, unknown>) => boolean = () => true) => (c: Client) =>
  c.events.some((e) => e.event === event && pred(JSON.parse(e.data) as Record<string, unknown>));

eachDialect((tempDb) => {
  describe("a live job stream", () => {
    it("says it is ready, then pushes a change made in this process at once (no sweep)", async () => {
      const db = await tempDb();
      const job = await seedJob(db, { userId: "u1", updatedAt: Date.now() - 60_000 });
      const c = connect(db, "u1");
      await c.readUntil(has("ready"));
      await transition(db, job.id, { to: "canceled" });
      await c.readUntil(has("job", (j) => j.id === job.id && j.status === "canceled"));
      expect(c.jobs().map((j) => [j.id, j.status])).toEqual([[job.id, "canceled"]]);
      const ids = c.events.map((e) => e.id);
      expect(ids.every(Boolean)).toBe(true);
    });

    it("finds a change no event announced (another process wrote it) on its sweep", async () => {
      const db = await tempDb();
      const job = await seedJob(db, { userId: "u1", updatedAt: Date.now() - 60_000 });
      const c = connect(db, "u1", { sweepMs: () => 20 });
      await c.readUntil(has("ready"));
      // The SQL write alone, as a worker in another process makes it: nothing is emitted here.
      await writeJobStatus(db, job.id, statusWrite({ to: "canceled" }, Date.now())!);
      await c.readUntil(has("job", (j) => j.id === job.id && j.status === "canceled"));
    });

    it("sends heartbeat comments", async () => {
      const db = await tempDb();
      const c = connect(db, "u1", { heartbeatMs: 20 });
      await c.readUntil((cl) => cl.comments >= 2);
      expect(c.events.map((e) => e.event)).toEqual(["ready"]);
    });

    it("holds at most a few streams per person, and frees a slot when a client goes away", async () => {
      const db = await tempDb();
      const clients = Array.from({ length: MAX_STREAMS_PER_USER }, () => connect(db, "u1"));
      expect(openJobStream({ db, userId: "u1", start: { since: Date.now() } })).toBeNull();
      // Someone else is not held back by u1's streams.
      connect(db, "u2");
      await clients[0]!.cancel();
      expect(liveHub(db).count("u1")).toBe(MAX_STREAMS_PER_USER - 1);
      connect(db, "u1");
      expect(liveHub(db).count("u1")).toBe(MAX_STREAMS_PER_USER);
    });

    it("ends when the request is aborted", async () => {
      const db = await tempDb();
      const abort = new AbortController();
      const c = connect(db, "u1", { signal: abort.signal });
      await c.readUntil(has("ready"));
      abort.abort();
      await c.readUntil((cl) => cl.ended);
      expect(liveHub(db).count("u1")).toBe(0);
    });

    it("ends when the asker may no longer see the jobs (signed out, token revoked)", async () => {
      const db = await tempDb();
      let allowed = true;
      const c = connect(db, "u1", { stillAllowed: async () => allowed, reauthMs: 20 });
      await c.readUntil(has("ready"));
      allowed = false;
      await c.readUntil((cl) => cl.ended);
      expect(liveHub(db).count("u1")).toBe(0);
    });
  });
});

// Postgres only: the bus is how processes hear each other there (SQLite has none to test).
if (testDialects().includes("pg"))
  describe("job events between processes (Postgres LISTEN/NOTIFY)", () => {
    it("sends a local change as a NOTIFY naming its owner, and turns another process's into a remote event", async () => {
      const url = await freshPostgresDatabase();
      const db = await openDb(url, { poolMax: 2 });
      const listener = new pg.Client({ connectionString: url });
      const heard: Array<Record<string, unknown>> = [];
      const got: Array<{ id: string; status: string; origin?: RemoteOrigin }> = [];
      const onChanged = (id: string, status: string, origin?: RemoteOrigin) => void got.push({ id, status, origin });
      const bus = await startPgBus(db, url);
      try {
        expect(remoteEventsLive()).toBe(true);
        await listener.connect();
        listener.on("notification", (m) => heard.push(JSON.parse(m.payload ?? "{}") as Record<string, unknown>));
        await listener.query(`LISTEN ${CHANNEL}`);
        jobEvents().on("changed", onChanged);

        const job = await seedJob(db, { userId: "u1" });
        await transition(db, job.id, { to: "canceled" });
        await waitFor(() => heard.some((n) => n.j === job.id), 10_000, () => JSON.stringify(heard));
        expect(heard.find((n) => n.j === job.id)).toMatchObject({ k: "u", u: "u1", s: "canceled" });

        await listener.query("SELECT pg_notify($1, $2)", [CHANNEL, JSON.stringify({ o: "another-process", k: "u", j: "job-x", u: "u9", s: "saving" })]);
        await waitFor(() => got.some((g) => g.id === "job-x"), 10_000, () => JSON.stringify(got));
        expect(got.find((g) => g.id === "job-x")).toEqual({ id: "job-x", status: "saving", origin: { remote: true, userId: "u9" } });
        // Notifications reach one connection in order, so this process's own came back before job-x: it was not re-emitted.
        expect(got.filter((g) => g.id === job.id)).toEqual([{ id: job.id, status: "canceled", origin: undefined }]);
      } finally {
        jobEvents().off("changed", onChanged);
        await bus.stop();
        await listener.end();
        await closeDb(db);
      }
      expect(remoteEventsLive()).toBe(false);
    });

    it("sends the changes raised in one turn in one statement, each job once", async () => {
      const url = await freshPostgresDatabase();
      const statements: string[] = [];
      const db = await openDb(url, { poolMax: 2, logger: { logQuery: (q) => void statements.push(q) } });
      const listener = new pg.Client({ connectionString: url });
      const heard: Array<Record<string, unknown>> = [];
      const bus = await startPgBus(db, url);
      try {
        await listener.connect();
        listener.on("notification", (m) => heard.push(JSON.parse(m.payload ?? "{}") as Record<string, unknown>));
        await listener.query(`LISTEN ${CHANNEL}`);
        const ids: string[] = [];
        for (let i = 0; i < 20; i++) ids.push((await seedJob(db, { userId: `u${i % 3}` })).id);
        statements.length = 0;
        for (const id of ids) jobEvents().emit("changed", id, "running");
        jobEvents().emit("changed", ids[0]!, "running");
        jobEvents().emit("created", ids[1]!);
        await waitFor(() => heard.length >= 20, 10_000, () => JSON.stringify(heard));
        expect(statements.filter((q) => q.includes("pg_notify"))).toHaveLength(2);
        expect(heard.map((n) => n.j).sort()).toEqual([...ids].sort());
        expect(heard.find((n) => n.j === ids[1])).toMatchObject({ k: "c" });
        expect(heard.find((n) => n.j === ids[2])).toMatchObject({ k: "u", u: "u2", s: "queued" });
      } finally {
        await bus.stop();
        await listener.end();
        await closeDb(db);
      }
    });
  });
