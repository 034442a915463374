import { db } from "@/lib/db/client";
import { errorResponse } from "@/lib/errors";
import { requireViewer } from "@/lib/http/require-viewer";
import { testProviderConnection } from "@/lib/provider-settings/manage";

export const dynamic = "force-dynamic";

/** Owner only: the provider's cheapest authenticated call; `{connected, message}` says plainly what failed. */
export async function POST(req: Request, { params }: { params: Promise<{ provider: string }> }): Promise<Response> {
  const asked = await requireViewer(req);
  if ("response" in asked) return asked.response;
  const result = await testProviderConnection(await db(), asked.viewer, (await params).provider);
  if (!result.ok) return errorResponse(result.error);
  return Response.json(result.value, { headers: { "cache-control": "no-store" } });
}
