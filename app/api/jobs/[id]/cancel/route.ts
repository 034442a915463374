import { db } from "@/lib/db/client";
import { errorResponse } from "@/lib/errors";
import { requireOwnedJob } from "@/lib/http/require-viewer";
import { cancelJob } from "@/lib/jobs/cancel-job";
import { serializeJob } from "@/lib/jobs/serialize";

export const dynamic = "force-dynamic";

export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const owned = await requireOwnedJob(req, (await params).id);
  if ("response" in owned) return owned.response;
  const result = await cancelJob(await db(), owned.job);
  if (!result.ok) return errorResponse(result.error);
  return Response.json(serializeJob(result.value));
}
