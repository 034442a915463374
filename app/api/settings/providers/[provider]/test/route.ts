import { db } from "@/lib/db/client";
import { NO_STORE, resultResponse, viewerRoute } from "@/lib/http/api-route";
import { testProviderConnection } from "@/lib/provider-settings/manage";

export const dynamic = "force-dynamic";

/** Owner only: the provider's cheapest authenticated call; `{connected, message}` says plainly what failed. */
export const POST = viewerRoute<{ provider: string }>(async (_req, viewer, { provider }) =>
  resultResponse(await testProviderConnection(await db(), viewer, provider), { headers: NO_STORE }),
);
