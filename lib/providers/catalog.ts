import "server-only";
import { PROVIDERS } from "./registry";
import type { ModelSpec } from "./types";

/** What the composer needs to know about one model: its spec minus the provider's internal id; plain data for the browser. */
export type ModelOption = Omit<ModelSpec, "providerModel"> & {
  /** Not AI: the local ffmpeg preview. */
  isLocal: boolean;
};

export interface ProviderGroup {
  id: string;
  label: string;
  available: boolean;
  /** Why it is disabled and how to enable it, e.g. "Add REPLICATE_API_TOKEN to enable Replicate models." */
  hint: string;
  models: ModelOption[];
}

/** Every provider's models, grouped, with whether this instance can use them right now. */
export function modelCatalog(): ProviderGroup[] {
  return PROVIDERS.map((p) => ({
    id: p.id,
    label: p.label,
    available: p.isConfigured(),
    hint: p.configureHint,
    models: p.models.map(({ providerModel: _internal, ...spec }) => ({ ...spec, isLocal: spec.provider === "local" })),
  }));
}
