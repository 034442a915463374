import { db } from "@/lib/db/client";
import { appError, errorResponse } from "@/lib/errors";
import { NO_STORE, resultResponse, viewerRoute } from "@/lib/http/api-route";
import { removeProviderSetting, saveProviderSettings } from "@/lib/provider-settings/manage";

export const dynamic = "force-dynamic";

type Params = { provider: string };

/** Owner only: `{"values": {"REPLICATE_API_TOKEN": "r8_…"}}` saves those settings, encrypted; blank values are left as they are. */
export const PUT = viewerRoute<Params>(async (req, viewer, { provider }) => {
  const body = (await req.json().catch(() => null)) as { values?: unknown } | null;
  if (!body || typeof body !== "object") return errorResponse(appError("bad_request", 'Send JSON like {"values": {"NAME": "value"}}.'));
  return resultResponse(await saveProviderSettings(await db(), viewer, provider, body.values), { headers: NO_STORE });
});

/** Owner only: `?name=REPLICATE_API_TOKEN` forgets that saved setting. */
export const DELETE = viewerRoute<Params>(async (req, viewer, { provider }) => {
  const name = new URL(req.url).searchParams.get("name");
  return resultResponse(await removeProviderSetting(await db(), viewer, provider, name), { headers: NO_STORE });
});
