import { viewerFromRequest } from "@/lib/auth/viewer";
import { db } from "@/lib/db/client";
import { appError, errorResponse } from "@/lib/errors";
import { parseQuery, viewerRoute } from "@/lib/http/api-route";
import { parseEventId } from "@/lib/jobs/live/event-id";
import { MAX_STREAMS_PER_USER } from "@/lib/jobs/live/hub";
import { openJobStream } from "@/lib/jobs/live/job-stream";
import { streamQuery } from "@/lib/jobs/live/stream-query";

export const dynamic = "force-dynamic";

/**
 * The asker's job changes as Server-Sent Events: `event: job` with the job's API JSON (as
 * GET /api/jobs/:id answers it), `event: ready` once the replay since Last-Event-ID is sent, and
 * `event: reset` when too much changed to replay (reload the list instead).
 */
export const GET = viewerRoute(async (req, viewer) => {
  const query = parseQuery(req, streamQuery);
  if (!query.ok) return errorResponse(query.error);
  const { userId } = viewer;
  const resume = parseEventId(req.headers.get("last-event-id") ?? query.value.lastEventId);
  const stream = openJobStream({
    db: await db(),
    userId,
    start: resume ?? { since: query.value.since ?? Date.now() },
    signal: req.signal,
    stillAllowed: async () => (await viewerFromRequest(req))?.userId === userId,
  });
  if (!stream)
    return errorResponse({
      ...appError("rate_limited", `You already have ${MAX_STREAMS_PER_USER} live connections open. Close a tab, or wait for one to end.`),
      retryAfterSeconds: 30,
    });
  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      // no-transform keeps compression (Next.js's and a proxy's) from buffering the stream.
      "cache-control": "no-cache, no-transform",
      "x-accel-buffering": "no",
    },
  });
});
