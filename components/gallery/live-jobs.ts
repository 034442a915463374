import type { QueryClient } from "@tanstack/react-query";
import { changedSince, type Finished } from "@/lib/jobs/poll-diff";
import { diffPushed } from "@/lib/jobs/push-diff";
import type { JobJson } from "@/lib/jobs/serialize";
import { startJobPoller } from "./job-poller";
import { cachedJobs, upsertJobs } from "./jobs-cache";

/** A stream not ready this long after (re)connecting: poll meanwhile. */
const CONNECT_GRACE_MS = 4_000;
/** Our own reconnects once the browser has given up on a stream (a 401, 429 or 5xx). */
const RECONNECT_MIN_MS = 2_000;
const RECONNECT_MAX_MS = 60_000;
/** A tab hidden this long lets its stream go (it resumes from where it was when shown again). */
const HIDDEN_CLOSE_MS = 60_000;

export type LiveMode = "connecting" | "stream" | "polling";

/**
 * The one place live job state enters the cache: the event stream (GET /api/jobs/events) while it
 * is connected, the poller (job-poller.ts) while it is not. The poller runs only while the stream
 * is down or not yet ready, so a healthy stream means no polling at all. Returns the stop function.
 */
export function startLiveJobs(qc: QueryClient, onFinished: (f: Finished) => void, onMode?: (m: LiveMode) => void): () => void {
  let source: EventSource | null = null;
  let lastEventId: string | null = null;
  let stopPoller: (() => void) | null = null;
  let grace: ReturnType<typeof setTimeout> | null = null;
  let reconnect: ReturnType<typeof setTimeout> | null = null;
  let hiddenTimer: ReturnType<typeof setTimeout> | null = null;
  let reconnectDelay = RECONNECT_MIN_MS;
  let pending: JobJson[] = [];
  let flushQueued = false;
  let stopped = false;

  const mode = (m: LiveMode) => onMode?.(m);

  function startPolling() {
    if (stopped || stopPoller) return;
    stopPoller = startJobPoller(qc, onFinished);
    mode("polling");
  }

  function stopPolling() {
    stopPoller?.();
    stopPoller = null;
  }

  function clear(t: ReturnType<typeof setTimeout> | null) {
    if (t) clearTimeout(t);
    return null;
  }

  function url(): string {
    if (lastEventId) return `/api/jobs/events?lastEventId=${encodeURIComponent(lastEventId)}`;
    const since = changedSince(cachedJobs(qc).values());
    return since ? `/api/jobs/events?since=${since}` : "/api/jobs/events";
  }

  /** Events come in bursts (a replay): take them into the cache together. */
  function flush() {
    flushQueued = false;
    const jobs = pending;
    pending = [];
    if (stopped || !jobs.length) return;
    const { changed, finished } = diffPushed(cachedJobs(qc), jobs);
    upsertJobs(qc, changed);
    for (const f of finished) onFinished(f);
  }

  function onJob(e: MessageEvent<string>) {
    lastEventId = e.lastEventId || lastEventId;
    try {
      pending.push(JSON.parse(e.data) as JobJson);
    } catch {
      return;
    }
    if (!flushQueued) {
      flushQueued = true;
      setTimeout(flush, 0);
    }
  }

  function onReady(e: MessageEvent<string>) {
    lastEventId = e.lastEventId || lastEventId;
    grace = clear(grace);
    reconnectDelay = RECONNECT_MIN_MS;
    stopPolling();
    mode("stream");
  }

  function onReset(e: MessageEvent<string>) {
    lastEventId = e.lastEventId || lastEventId;
    void qc.invalidateQueries({ queryKey: ["jobs"] });
  }

  function onError() {
    // The browser retries a dropped connection by itself (sending Last-Event-ID); until the
    // stream says it is ready again, polling keeps the page current.
    startPolling();
    if (source?.readyState === EventSource.CLOSED) {
      // It gave up (the server refused): try again ourselves, backing off.
      disconnect();
      reconnect = clear(reconnect);
      reconnect = setTimeout(connect, reconnectDelay);
      reconnectDelay = Math.min(RECONNECT_MAX_MS, reconnectDelay * 2);
    }
  }

  function connect() {
    reconnect = clear(reconnect);
    if (stopped || source || typeof EventSource === "undefined") {
      if (typeof EventSource === "undefined") startPolling();
      return;
    }
    source = new EventSource(url());
    source.addEventListener("job", onJob);
    source.addEventListener("ready", onReady);
    source.addEventListener("reset", onReset);
    source.addEventListener("error", onError);
    if (!stopPoller) mode("connecting");
    grace = clear(grace);
    grace = setTimeout(startPolling, CONNECT_GRACE_MS);
  }

  function disconnect() {
    source?.close();
    source = null;
    grace = clear(grace);
  }

  function onVisibility() {
    if (document.visibilityState === "hidden") {
      hiddenTimer ??= setTimeout(() => {
        hiddenTimer = null;
        // The poller pauses itself in a hidden tab; the stream resumes from lastEventId when shown.
        disconnect();
        reconnect = clear(reconnect);
      }, HIDDEN_CLOSE_MS);
      return;
    }
    hiddenTimer = clear(hiddenTimer);
    if (!source && !reconnect) connect();
  }

  document.addEventListener("visibilitychange", onVisibility);
  connect();

  return () => {
    stopped = true;
    disconnect();
    reconnect = clear(reconnect);
    hiddenTimer = clear(hiddenTimer);
    stopPolling();
    document.removeEventListener("visibilitychange", onVisibility);
  };
}
