import { isOwner } from "@/lib/auth/instance";
import { db } from "@/lib/db/client";
import { appError, errorResponse } from "@/lib/errors";
import { viewerRoute } from "@/lib/http/api-route";
import { renderMetrics } from "@/lib/metrics/collect";

export const dynamic = "force-dynamic";

/** Prometheus text format, for the owner only (scrape with `authorization: Bearer <owner's API token>`). */
export const GET = viewerRoute(async (_req, viewer) => {
  const database = await db();
  if (!(await isOwner(database, viewer.userId)))
    return errorResponse(appError("forbidden", "Only the owner of this studio can read its metrics."));
  return new Response(await renderMetrics(database), {
    headers: { "content-type": "text/plain; version=0.0.4; charset=utf-8", "cache-control": "no-store" },
  });
});
