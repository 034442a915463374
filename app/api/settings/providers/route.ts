import { db } from "@/lib/db/client";
import { ok } from "@/lib/errors";
import { NO_STORE, resultResponse, viewerRoute } from "@/lib/http/api-route";
import { readProviderSettings } from "@/lib/provider-settings/manage";

export const dynamic = "force-dynamic";

/** Owner only: every provider's settings and where each comes from (secrets as their last four characters). */
export const GET = viewerRoute(async (_req, viewer) => {
  const result = await readProviderSettings(await db(), viewer);
  return resultResponse(result.ok ? ok({ providers: result.value }) : result, { headers: NO_STORE });
});
