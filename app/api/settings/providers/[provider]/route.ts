import { db } from "@/lib/db/client";
import { appError, errorResponse } from "@/lib/errors";
import { requireViewer } from "@/lib/http/require-viewer";
import { removeProviderSetting, saveProviderSettings } from "@/lib/provider-settings/manage";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ provider: string }> };

/** Owner only: `{"values": {"REPLICATE_API_TOKEN": "r8_…"}}` saves those settings, encrypted; blank values are left as they are. */
export async function PUT(req: Request, { params }: Params): Promise<Response> {
  const asked = await requireViewer(req);
  if ("response" in asked) return asked.response;
  const body = (await req.json().catch(() => null)) as { values?: unknown } | null;
  if (!body || typeof body !== "object") return errorResponse(appError("bad_request", 'Send JSON like {"values": {"NAME": "value"}}.'));
  const result = await saveProviderSettings(await db(), asked.viewer, (await params).provider, body.values);
  if (!result.ok) return errorResponse(result.error);
  return Response.json(result.value, { headers: { "cache-control": "no-store" } });
}

/** Owner only: `?name=REPLICATE_API_TOKEN` forgets that saved setting. */
export async function DELETE(req: Request, { params }: Params): Promise<Response> {
  const asked = await requireViewer(req);
  if ("response" in asked) return asked.response;
  const name = new URL(req.url).searchParams.get("name");
  const result = await removeProviderSetting(await db(), asked.viewer, (await params).provider, name);
  if (!result.ok) return errorResponse(result.error);
  return Response.json(result.value, { headers: { "cache-control": "no-store" } });
}
