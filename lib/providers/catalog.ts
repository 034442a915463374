import "server-only";
import { env } from "../env";
import { imageModeUnavailable } from "./kit/image";
import { allModels, getModel, offeredModels, PROVIDERS, providerOf } from "./registry";
import type { ModelSpec } from "./types";

/** What the composer needs to know about one model: its spec minus the provider's internal id; plain data for the browser. */
export type ModelOption = Omit<ModelSpec, "providerModel"> & {
  /** Why image mode is off on this instance ("needs PUBLIC_URL so the provider can fetch your image"), or null. */
  imageUnavailable: string | null;
};

export interface ProviderGroup {
  id: string;
  label: string;
  available: boolean;
  /** Why it is disabled and how to enable it, e.g. "Add REPLICATE_API_TOKEN to enable Replicate models." */
  hint: string;
  models: ModelOption[];
}

function toOption({ providerModel: _internal, ...spec }: ModelSpec): ModelOption {
  return { ...spec, imageUnavailable: imageModeUnavailable(spec, env().PUBLIC_URL) };
}

/** Every provider's models, grouped, with whether this instance can use them right now. */
export function modelCatalog(): ProviderGroup[] {
  return PROVIDERS.map((p) => ({
    id: p.id,
    label: p.label,
    available: p.isConfigured(),
    hint: p.configureHint,
    models: offeredModels(p).map(toOption),
  }));
}

/** What a job list needs of every model, configured or not (old jobs keep their model): its name for filters, its usual wait for estimates. */
export function feedModels(): Array<Pick<ModelSpec, "id" | "label" | "typicalLatencySeconds">> {
  return allModels().map(({ id, label, typicalLatencySeconds }) => ({ id, label, typicalLatencySeconds }));
}

/** One model as the browser sees it, with its provider's name; undefined for an id no provider knows (a retired model). */
export function modelOption(id: string): (ModelOption & { providerLabel: string }) | undefined {
  const spec = getModel(id);
  return spec && { ...toOption(spec), providerLabel: providerOf(spec).label };
}
