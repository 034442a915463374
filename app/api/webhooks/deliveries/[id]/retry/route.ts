import { db } from "@/lib/db/client";
import { errorResponse } from "@/lib/errors";
import { requireViewer } from "@/lib/http/require-viewer";
import { sendAgain } from "@/lib/webhooks/outgoing/endpoints";

export const dynamic = "force-dynamic";

/** "Send again": the delivery is due at once, with a new 24-hour retry window. */
export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const asked = await requireViewer(req);
  if ("response" in asked) return asked.response;
  const result = await sendAgain(await db(), asked.viewer.userId, (await params).id.slice(0, 64));
  if (!result.ok) return errorResponse(result.error);
  return new Response(null, { status: 202 });
}
