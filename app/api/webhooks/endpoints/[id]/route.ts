import { db } from "@/lib/db/client";
import { appError, errorResponse } from "@/lib/errors";
import { viewerRoute } from "@/lib/http/api-route";
import { deleteEndpoint } from "@/lib/webhooks/outgoing/endpoints";

export const dynamic = "force-dynamic";

/** Deletes one of the asker's endpoints and its delivery log; anyone else's is a 404. */
export const DELETE = viewerRoute<{ id: string }>(async (_req, viewer, { id }) => {
  if (!(await deleteEndpoint(await db(), viewer.userId, id.slice(0, 64)))) return errorResponse(appError("not_found", "No such webhook endpoint."));
  return new Response(null, { status: 204 });
});
