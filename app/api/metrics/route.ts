import { isOwner } from "@/lib/auth/instance";
import { db } from "@/lib/db/client";
import { appError, errorResponse } from "@/lib/errors";
import { requireViewer } from "@/lib/http/require-viewer";
import { renderMetrics } from "@/lib/metrics/collect";

export const dynamic = "force-dynamic";

/** Prometheus text format, for the owner only (scrape with `authorization: Bearer <owner's API token>`). */
export async function GET(req: Request): Promise<Response> {
  const asked = await requireViewer(req);
  if ("response" in asked) return asked.response;
  const database = await db();
  if (!(await isOwner(database, asked.viewer.userId)))
    return errorResponse(appError("forbidden", "Only the owner of this studio can read its metrics."));
  return new Response(await renderMetrics(database), {
    headers: { "content-type": "text/plain; version=0.0.4; charset=utf-8", "cache-control": "no-store" },
  });
}
