import { db } from "@/lib/db/client";
import { errorResponse } from "@/lib/errors";
import { NO_STORE, resultResponse, viewerRoute } from "@/lib/http/api-route";
import { readJsonObject } from "@/lib/http/read-json";
import { createEndpoint, listEndpoints } from "@/lib/webhooks/outgoing/endpoints";

export const dynamic = "force-dynamic";

/** The asker's outgoing webhook endpoints (their secrets are never shown again). */
export const GET = viewerRoute(async (_req, viewer) => Response.json({ items: await listEndpoints(await db(), viewer.userId) }, { headers: NO_STORE }));

/** Adds an endpoint; the answer carries its `whsec_` signing secret, this once. */
export const POST = viewerRoute(async (req, viewer) => {
  const body = await readJsonObject(req);
  if (!body.ok) return errorResponse(body.error);
  return resultResponse(await createEndpoint(await db(), viewer.userId, body.value), { status: 201, headers: NO_STORE });
});
