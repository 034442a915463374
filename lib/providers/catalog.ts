import "server-only";
import { env } from "../env";
import type { PriceRule } from "../models/price";
import { priceOf } from "../models/route";
import { imageModeUnavailable } from "./kit/image";
import { allModels, getModel, offeredModels, PROVIDERS, providerOf } from "./registry";
import { routeFields } from "./spec-fields";
import type { ModelSpec } from "./types";

/** What the composer needs to know about one model: its spec minus the provider's internal id; plain data for the browser. */
export type ModelOption = Omit<ModelSpec, "providerModel" | "family" | "price"> & {
  /** The model family this route belongs to (its own id for a model only its provider lists). */
  family: string;
  price: PriceRule;
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

/** The fields every ModelSpec has, so adapter-private data (wire mappings) never reaches the browser. */
function toOption(spec: ModelSpec): ModelOption {
  return {
    id: spec.id,
    provider: spec.provider,
    ...(spec.imageInput ? { imageInput: spec.imageInput } : {}),
    ...(spec.options?.length ? { options: spec.options } : {}),
    label: spec.label,
    description: spec.description,
    ...routeFields(spec),
    priceReadOn: spec.priceReadOn,
    imageUnavailable: imageModeUnavailable(spec, env().PUBLIC_URL),
  };
}

/** Every provider's models as offered now (its own list merged in, dropped models left out), with whether this instance can use them. */
export function modelCatalog(): ProviderGroup[] {
  return PROVIDERS.map((p) => ({
    id: p.id,
    label: p.label,
    available: p.isConfigured(),
    hint: p.configureHint,
    models: offeredModels(p.id).map(toOption),
  }));
}

/** What a job list needs of every model, configured or not (old jobs keep their model): its name for filters, its usual wait for estimates. */
export function feedModels(): Array<Pick<ModelSpec, "id" | "label" | "typicalLatencySeconds" | "pricePerSecondUsd" | "engine"> & { providerLabel: string; price: PriceRule }> {
  return allModels().map((spec) => ({
    id: spec.id,
    label: spec.label,
    typicalLatencySeconds: spec.typicalLatencySeconds,
    // A compare row labels each take by its provider and price.
    pricePerSecondUsd: spec.pricePerSecondUsd,
    price: priceOf(spec),
    engine: spec.engine,
    providerLabel: providerOf(spec).label,
  }));
}

/** One model as the browser sees it, with its provider's name; undefined for an id no provider knows (a retired model). */
export function modelOption(id: string): (ModelOption & { providerLabel: string }) | undefined {
  const spec = getModel(id);
  return spec && { ...toOption(spec), providerLabel: providerOf(spec).label };
}
