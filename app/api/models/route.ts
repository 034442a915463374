import { db } from "@/lib/db/client";
import { requireViewer } from "@/lib/http/require-viewer";
import { modelCatalog } from "@/lib/providers/catalog";
import { syncCatalog } from "@/lib/providers/discovered-catalog";

export const dynamic = "force-dynamic";

/**
 * The merged catalog for scripts: every model offered now (built-in data merged with the
 * providers' own lists), what it accepts, its price and usual wait, and whether this studio
 * can use it right now, with the reason when not.
 */
export async function GET(req: Request): Promise<Response> {
  const asked = await requireViewer(req);
  if ("response" in asked) return asked.response;
  await syncCatalog(await db());
  const models = modelCatalog().flatMap((group) =>
    group.models.map((m) => ({
      id: m.id,
      label: m.label,
      provider: group.id,
      providerLabel: group.label,
      engine: m.engine,
      modes: m.modes,
      durations: m.durations,
      aspectRatios: m.aspectRatios,
      resolutions: m.resolutions,
      fps: m.fps,
      defaults: m.defaults,
      options: m.options ?? [],
      pricePerSecondUsd: m.pricePerSecondUsd,
      typicalLatencySeconds: m.typicalLatencySeconds,
      available: group.available,
      unavailableReason: group.available ? null : group.hint,
      imageUnavailableReason: m.imageUnavailable,
    })),
  );
  return Response.json({ models }, { headers: { "cache-control": "private, no-store" } });
}
