import { viewerRoute } from "@/lib/http/api-route";
import { modelsJson } from "@/lib/providers/models-json";

export const dynamic = "force-dynamic";

/** The merged model catalog for scripts: what each model takes and whether it can run on this studio now. */
export const GET = viewerRoute(async () => Response.json(modelsJson(), { headers: { "cache-control": "private, no-cache" } }));
