import { db } from "@/lib/db/client";
import { listJobHistory } from "@/lib/db/queries/job-history";
import { errorResponse } from "@/lib/errors";
import { requireOwnedJob } from "@/lib/http/require-viewer";
import { deleteJob } from "@/lib/jobs/delete-job";
import { serializeHistory } from "@/lib/jobs/history";
import { serializeOneJob } from "@/lib/jobs/serialize-jobs";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string }> };

export async function GET(req: Request, { params }: Params): Promise<Response> {
  const owned = await requireOwnedJob(req, (await params).id);
  if ("response" in owned) return owned.response;
  const { job } = owned;
  const database = await db();
  const json = await serializeOneJob(database, job);
  // Waiting for a provider slot can change without the row changing; the history only changes with the status, which moves updatedAt.
  const etag = `W/"${job.id}-${job.updatedAt}-${job.favorite ? 1 : 0}${json.waitingReason ? "-w" : ""}"`;
  const headers = { etag, "cache-control": "private, no-cache" };
  if (req.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  return Response.json({ ...json, history: serializeHistory(await listJobHistory(database, job.id)) }, { headers });
}

export async function DELETE(req: Request, { params }: Params): Promise<Response> {
  const owned = await requireOwnedJob(req, (await params).id);
  if ("response" in owned) return owned.response;
  const result = await deleteJob(await db(), owned.job);
  if (!result.ok) return errorResponse(result.error);
  return new Response(null, { status: 204 });
}
