import { db } from "@/lib/db/client";
import { errorResponse } from "@/lib/errors";
import { NO_STORE, parseQuery, viewerRoute } from "@/lib/http/api-route";
import { recentDeliveries } from "@/lib/webhooks/outgoing/endpoints";
import { deliveriesQuerySchema } from "@/lib/webhooks/outgoing/schemas";

export const dynamic = "force-dynamic";

/** The delivery log: the asker's most recent outgoing webhooks, newest first. */
export const GET = viewerRoute(async (req, viewer) => {
  const query = parseQuery(req, deliveriesQuerySchema);
  if (!query.ok) return errorResponse(query.error);
  const items = await recentDeliveries(await db(), viewer.userId, { endpointId: query.value.endpoint, limit: query.value.limit });
  return Response.json({ items }, { headers: NO_STORE });
});
