import { db } from "@/lib/db/client";
import { viewerRoute } from "@/lib/http/api-route";
import { refreshProviderSettings } from "@/lib/provider-settings/cache";
import { modelsJson } from "@/lib/providers/models-json";

export const dynamic = "force-dynamic";

/** The merged model catalog for scripts: what each model takes and whether it can run on this studio now. */
export const GET = viewerRoute(async () => {
  // "Can run now" counts keys saved or removed through another web server at once.
  await refreshProviderSettings(await db());
  return Response.json(modelsJson(), { headers: { "cache-control": "private, no-cache" } });
});
