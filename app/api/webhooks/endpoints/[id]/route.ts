import { db } from "@/lib/db/client";
import { appError, errorResponse } from "@/lib/errors";
import { requireViewer } from "@/lib/http/require-viewer";
import { deleteEndpoint } from "@/lib/webhooks/outgoing/endpoints";

export const dynamic = "force-dynamic";

/** Deletes one of the asker's endpoints and its delivery log; anyone else's is a 404. */
export async function DELETE(req: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const asked = await requireViewer(req);
  if ("response" in asked) return asked.response;
  const { id } = await params;
  if (!(await deleteEndpoint(await db(), asked.viewer.userId, id.slice(0, 64)))) return errorResponse(appError("not_found", "No such webhook endpoint."));
  return new Response(null, { status: 204 });
}
