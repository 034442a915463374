/** The merged catalog as `GET /api/models` returns it to scripts: what each model takes, and whether it can run here now. */
import "server-only";
import { env } from "../env";
import { estimateUsd } from "../models/price";
import { priceOf } from "../models/route";
import { catalogStatus } from "./catalog-refresh";
import { imageModeUnavailable } from "./kit/image";
import { offeredModels, PROVIDERS } from "./registry";
import { routeFields } from "./spec-fields";
import type { ModelSpec, VideoProvider } from "./types";

const iso = (ms: number | null | undefined) => (ms ? new Date(ms).toISOString() : null);

function modelJson(spec: ModelSpec, provider: VideoProvider) {
  const configured = provider.isConfigured();
  const imageUnavailable = imageModeUnavailable(spec, env().PUBLIC_URL);
  const imageOnly = !spec.modes.includes("text");
  const reason = !configured ? provider.configureHint : imageOnly && imageUnavailable ? `This model animates an image, and image mode ${imageUnavailable}.` : null;
  return {
    id: spec.id,
    label: spec.label,
    description: spec.description,
    provider: provider.id,
    providerLabel: provider.label,
    ...routeFields(spec),
    options: spec.options ?? [],
    /** What a video at the default settings costs (USD), null when the price is unknown. */
    defaultEstimateUsd: estimateUsd({ engine: spec.engine, price: priceOf(spec) }, spec.defaults),
    priceReadOn: spec.priceReadOn || null,
    available: reason === null,
    /** Why a job for this model would be refused now; null when it would not. */
    unavailableReason: reason,
    /** Why image-to-video is off for it here (text-to-video may still work), or null. */
    imageUnavailable,
  };
}

export type ModelJson = ReturnType<typeof modelJson>;

export function modelsJson() {
  return {
    providers: PROVIDERS.map((p) => {
      const status = catalogStatus(p.id);
      return {
        id: p.id,
        label: p.label,
        available: p.isConfigured(),
        hint: p.isConfigured() ? null : p.configureHint,
        /** Only for providers that list their own models: when the stored list was fetched, and the last failure. */
        catalog: p.discover
          ? {
              fetchedAt: iso(status?.fetchedAt),
              lastError: status?.lastError && (status.lastErrorAt ?? 0) > (status.fetchedAt ?? 0) ? status.lastError : null,
              lastErrorAt: iso(status?.lastErrorAt),
            }
          : null,
      };
    }),
    models: PROVIDERS.flatMap((p) => offeredModels(p.id).map((m) => modelJson(m, p))),
  };
}
