import { db } from "@/lib/db/client";
import { getJob } from "@/lib/db/queries/jobs";
import { appError, errorResponse } from "@/lib/errors";
import { cancelJob } from "@/lib/jobs/cancel-job";
import { serializeJob } from "@/lib/jobs/serialize";

export const dynamic = "force-dynamic";

export async function POST(_req: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  const job = getJob(db(), id);
  if (!job) return errorResponse(appError("not_found", "No such job."));
  const result = await cancelJob(db(), job);
  if (!result.ok) return errorResponse(result.error);
  return Response.json(serializeJob(result.value));
}
