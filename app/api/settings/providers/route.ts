import { db } from "@/lib/db/client";
import { errorResponse } from "@/lib/errors";
import { requireViewer } from "@/lib/http/require-viewer";
import { readProviderSettings } from "@/lib/provider-settings/manage";

export const dynamic = "force-dynamic";

/** Owner only: every provider's settings and where each comes from (secrets as their last four characters). */
export async function GET(req: Request): Promise<Response> {
  const asked = await requireViewer(req);
  if ("response" in asked) return asked.response;
  const result = await readProviderSettings(await db(), asked.viewer);
  if (!result.ok) return errorResponse(result.error);
  return Response.json({ providers: result.value }, { headers: { "cache-control": "no-store" } });
}
