/** A client of GET /api/jobs/events, as a script would read it: fetch, parse the event stream, keep every event. */
import { SseParser, type ParsedSse } from "../../lib/jobs/live/sse";
import type { JobJson } from "../../lib/jobs/serialize";
import type { ApiClient } from "./api";
import { waitFor } from "./app-server";

export interface EventStream {
  status: number;
  /** Every event received so far, in order (comments are counted, not kept). */
  events: ParsedSse[];
  comments(): number;
  /** The job events, parsed, with their ids. */
  jobs(): Array<{ id: string; job: JobJson }>;
  /** Waits (bounded) until `check` holds for the events received so far. */
  until(check: (s: EventStream) => boolean, timeoutMs?: number, what?: string): Promise<void>;
  ended(): boolean;
  close(): void;
}

export async function openEventStream(client: ApiClient, opts: { lastEventId?: string; query?: string } = {}): Promise<EventStream> {
  const abort = new AbortController();
  const headers: Record<string, string> = { ...client.auth, accept: "text/event-stream" };
  if (opts.lastEventId) headers["last-event-id"] = opts.lastEventId;
  const res = await fetch(`${client.url}/api/jobs/events${opts.query ? `?${opts.query}` : ""}`, { headers, signal: abort.signal });
  const parser = new SseParser();
  const events: ParsedSse[] = [];
  let done = !res.ok || !res.body;
  if (!done) {
    const decoder = new TextDecoder();
    void (async () => {
      try {
        for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) events.push(...parser.push(decoder.decode(chunk, { stream: true })));
      } catch {
        // aborted by close()
      } finally {
        done = true;
      }
    })();
  } else {
    await res.body?.cancel();
  }
  const stream: EventStream = {
    status: res.status,
    events,
    comments: () => parser.comments,
    jobs: () => events.filter((e) => e.event === "job").map((e) => ({ id: e.id ?? "", job: JSON.parse(e.data) as JobJson })),
    until: (check, timeoutMs = 60_000, what = "events") =>
      waitFor(() => {
        if (check(stream)) return true;
        if (done) throw new Error(`the stream ended before ${what}; got ${JSON.stringify(events.map((e) => [e.event, e.data.slice(0, 80)]))}`);
        return false;
      }, timeoutMs, () => `${what}; got ${JSON.stringify(events.map((e) => [e.event, e.data.slice(0, 80)]))}`),
    ended: () => done,
    close: () => abort.abort(),
  };
  return stream;
}

export const isReady = (s: EventStream) => s.events.some((e) => e.event === "ready");

export function jobReached(id: string, status: string) {
  return (s: EventStream) => s.jobs().some((e) => e.job.id === id && e.job.status === status);
}

/** The high-water mark in an event id (`<mark>.<job>.<digest>`). */
export function markOf(eventId: string): number {
  return Number(eventId.split(".")[0]);
}
