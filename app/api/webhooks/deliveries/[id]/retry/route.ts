import { db } from "@/lib/db/client";
import { errorResponse } from "@/lib/errors";
import { viewerRoute } from "@/lib/http/api-route";
import { sendAgain } from "@/lib/webhooks/outgoing/endpoints";

export const dynamic = "force-dynamic";

/** "Send again": the delivery is due at once, with a new 24-hour retry window. */
export const POST = viewerRoute<{ id: string }>(async (_req, viewer, { id }) => {
  const result = await sendAgain(await db(), viewer.userId, id.slice(0, 64));
  if (!result.ok) return errorResponse(result.error);
  return new Response(null, { status: 202 });
});
