import { db } from "@/lib/db/client";
import { listJobHistory } from "@/lib/db/queries/job-history";
import { errorResponse } from "@/lib/errors";
import { ownedJobRoute } from "@/lib/http/api-route";
import { deleteJob } from "@/lib/jobs/delete-job";
import { serializeHistory } from "@/lib/jobs/history";
import { serializeOneJob } from "@/lib/jobs/serialize-jobs";

export const dynamic = "force-dynamic";

export const GET = ownedJobRoute(async (req, job) => {
  const database = await db();
  const json = await serializeOneJob(database, job);
  // Waiting for a provider slot can change without the row changing; the history only changes with the status, which moves updatedAt.
  const etag = `W/"${job.id}-${job.updatedAt}-${job.favorite ? 1 : 0}${json.waitingReason ? "-w" : ""}"`;
  const headers = { etag, "cache-control": "private, no-cache" };
  if (req.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  return Response.json({ ...json, history: serializeHistory(await listJobHistory(database, job.id)) }, { headers });
});

export const DELETE = ownedJobRoute(async (_req, job) => {
  const result = await deleteJob(await db(), job);
  if (!result.ok) return errorResponse(result.error);
  return new Response(null, { status: 204 });
});
