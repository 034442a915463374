import { viewerFromRequest } from "@/lib/auth/viewer";
import { db } from "@/lib/db/client";
import { appError, errorResponse } from "@/lib/errors";
import { requireViewer } from "@/lib/http/require-viewer";
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
export async function GET(req: Request): Promise<Response> {
  const asked = await requireViewer(req);
  if ("response" in asked) return asked.response;
  const query = streamQuery.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!query.success) return errorResponse(appError("bad_request", query.error.issues[0]?.message ?? "Bad query."));
  const { userId } = asked.viewer;
  const resume = parseEventId(req.headers.get("last-event-id") ?? query.data.lastEventId);
  const stream = openJobStream({
    db: await db(),
    userId,
    start: resume ?? { since: query.data.since ?? Date.now() },
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
}
