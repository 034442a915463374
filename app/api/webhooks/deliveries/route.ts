import { z } from "zod";
import { db } from "@/lib/db/client";
import { appError, errorResponse } from "@/lib/errors";
import { requireViewer } from "@/lib/http/require-viewer";
import { recentDeliveries } from "@/lib/webhooks/outgoing/endpoints";

export const dynamic = "force-dynamic";

const query = z.object({
  endpoint: z.string().max(64).optional(),
  limit: z.coerce.number({ error: "limit must be a number from 1 to 100." }).int().min(1, "limit must be a number from 1 to 100.").max(100, "limit must be a number from 1 to 100.").default(20),
});

/** The delivery log: the asker's most recent outgoing webhooks, newest first. */
export async function GET(req: Request): Promise<Response> {
  const asked = await requireViewer(req);
  if ("response" in asked) return asked.response;
  const parsed = query.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!parsed.success) return errorResponse(appError("bad_request", parsed.error.issues[0]?.message ?? "Bad query."));
  const items = await recentDeliveries(await db(), asked.viewer.userId, { endpointId: parsed.data.endpoint, limit: parsed.data.limit });
  return Response.json({ items }, { headers: { "cache-control": "no-store" } });
}
