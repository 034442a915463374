import { db } from "@/lib/db/client";
import { getJob } from "@/lib/db/queries/jobs";
import { appError, errorResponse } from "@/lib/errors";
import { deleteJob } from "@/lib/jobs/delete-job";
import { serializeJob } from "@/lib/jobs/serialize";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string }> };

const notFound = () => errorResponse(appError("not_found", "No such job."));

export async function GET(req: Request, { params }: Params): Promise<Response> {
  const { id } = await params;
  const job = getJob(db(), id);
  if (!job) return notFound();
  const etag = `W/"${job.id}-${job.updatedAt}"`;
  const headers = { etag, "cache-control": "no-cache" };
  if (req.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  return Response.json(serializeJob(job), { headers });
}

export async function DELETE(_req: Request, { params }: Params): Promise<Response> {
  const { id } = await params;
  const job = getJob(db(), id);
  if (!job) return notFound();
  const result = await deleteJob(db(), job);
  if (!result.ok) return errorResponse(result.error);
  return new Response(null, { status: 204 });
}
