import { db } from "@/lib/db/client";
import { errorResponse } from "@/lib/errors";
import { readJsonObject } from "@/lib/http/read-json";
import { requireViewer } from "@/lib/http/require-viewer";
import { createEndpoint, listEndpoints } from "@/lib/webhooks/outgoing/endpoints";

export const dynamic = "force-dynamic";

/** The asker's outgoing webhook endpoints (their secrets are never shown again). */
export async function GET(req: Request): Promise<Response> {
  const asked = await requireViewer(req);
  if ("response" in asked) return asked.response;
  return Response.json({ items: await listEndpoints(await db(), asked.viewer.userId) }, { headers: { "cache-control": "no-store" } });
}

/** Adds an endpoint; the answer carries its `whsec_` signing secret, this once. */
export async function POST(req: Request): Promise<Response> {
  const asked = await requireViewer(req);
  if ("response" in asked) return asked.response;
  const body = await readJsonObject(req);
  if (!body.ok) return errorResponse(body.error);
  const created = await createEndpoint(await db(), asked.viewer.userId, body.value);
  if (!created.ok) return errorResponse(created.error);
  return Response.json(created.value, { status: 201, headers: { "cache-control": "no-store" } });
}
