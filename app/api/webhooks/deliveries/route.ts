import { db } from "@/lib/db/client";
import { appError, errorResponse } from "@/lib/errors";
import { requireViewer } from "@/lib/http/require-viewer";
import { recentDeliveries } from "@/lib/webhooks/outgoing/endpoints";
import { deliveriesQuerySchema } from "@/lib/webhooks/outgoing/schemas";

export const dynamic = "force-dynamic";

/** The delivery log: the asker's most recent outgoing webhooks, newest first. */
export async function GET(req: Request): Promise<Response> {
  const asked = await requireViewer(req);
  if ("response" in asked) return asked.response;
  const parsed = deliveriesQuerySchema.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!parsed.success) return errorResponse(appError("bad_request", parsed.error.issues[0]?.message ?? "Bad query."));
  const items = await recentDeliveries(await db(), asked.viewer.userId, { endpointId: parsed.data.endpoint, limit: parsed.data.limit });
  return Response.json({ items }, { headers: { "cache-control": "no-store" } });
}
