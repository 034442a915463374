/** Every provider and model Dailies knows, looked up by id. */
import { aimlProvider } from "./aiml/adapter";
import { builtInOnly, mergeCatalog, type DiscoveredCatalog, type MergedCatalog } from "./catalog-merge";
import { falProvider } from "./fal/adapter";
import { gatewayProvider } from "./gateway/adapter";
import { localProvider } from "./local/adapter";
import { modelslabProvider } from "./modelslab/adapter";
import { replicateProvider } from "./replicate/adapter";
import { skytellsProvider } from "./skytells/adapter";
import { familyOf } from "../models/route";
import type { ModelSpec, ProviderId, VideoProvider } from "./types";
import { visgateProvider } from "./visgate/adapter";

export const PROVIDERS: readonly VideoProvider[] = [
  localProvider,
  replicateProvider,
  falProvider,
  skytellsProvider,
  modelslabProvider,
  aimlProvider,
  visgateProvider,
  gatewayProvider,
];

const byId = new Map<string, VideoProvider>(PROVIDERS.map((p) => [p.id, p]));

export const DEFAULT_MODEL_ID = "local:preview";

interface CatalogView {
  byProvider: Map<string, MergedCatalog>;
  models: Map<string, ModelSpec>;
}

function viewOf(discovered: ReadonlyMap<string, DiscoveredCatalog>): CatalogView {
  const byProvider = new Map(PROVIDERS.map((p) => [p.id, discovered.has(p.id) ? mergeCatalog(p.models, discovered.get(p.id)!) : builtInOnly(p.models)]));
  const models = new Map<string, ModelSpec>();
  for (const merged of byProvider.values()) for (const m of merged.models) models.set(m.id, m);
  return { byProvider, models };
}

// On globalThis: Next.js may load this module more than once per process (instrumentation, routes).
const holder = globalThis as typeof globalThis & { __dailiesCatalogView?: CatalogView };
const view = (): CatalogView => (holder.__dailiesCatalogView ??= viewOf(new Map()));

/**
 * Puts the providers' own lists (the last good copy of each, from lib/providers/catalog-refresh)
 * into the in-memory view every synchronous lookup below reads. A provider missing from the map
 * offers its built-in models.
 */
export function setDiscoveredCatalogs(discovered: ReadonlyMap<string, DiscoveredCatalog>): void {
  holder.__dailiesCatalogView = viewOf(discovered);
}

export function getProvider(id: string): VideoProvider | undefined {
  return byId.get(id);
}

/** A model by id, offered or hidden (a model its provider stopped listing still names old jobs). */
export function getModel(id: string): ModelSpec | undefined {
  return view().models.get(id);
}

/** Every model, offered or hidden. */
export function allModels(): ModelSpec[] {
  return [...view().models.values()];
}

/** The models a provider offers now (merged with its own list; dropped ones left out). */
export function offeredModels(providerId: string): ModelSpec[] {
  const merged = view().byProvider.get(providerId);
  return merged ? merged.models.filter((m) => !merged.hidden.has(m.id)) : [];
}

/** Whether its provider still lists this model; false for unknown ids. */
export function isOffered(id: string): boolean {
  const model = getModel(id);
  return !!model && !view().byProvider.get(model.provider)?.hidden.has(id);
}

/** The routes of one model family that providers offer now, in the registry's order; a model no family names is its own. */
export function routesOf(family: string): ModelSpec[] {
  return PROVIDERS.flatMap((p) => offeredModels(p.id)).filter((m) => familyOf(m) === family);
}

export function providerOf(model: ModelSpec): VideoProvider {
  const p = byId.get(model.provider as ProviderId);
  if (!p) throw new Error(`No provider ${model.provider} for model ${model.id}`);
  return p;
}
