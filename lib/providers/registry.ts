/** Every provider and model Dailies knows, looked up by id. */
import { aimlProvider } from "./aiml/adapter";
import { falProvider } from "./fal/adapter";
import { gatewayProvider } from "./gateway/adapter";
import { localProvider } from "./local/adapter";
import { modelslabProvider } from "./modelslab/adapter";
import { replicateProvider } from "./replicate/adapter";
import { skytellsProvider } from "./skytells/adapter";
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
const builtIn = new Map<string, ModelSpec>(PROVIDERS.flatMap((p) => p.models.map((m) => [m.id, m] as const)));

export const DEFAULT_MODEL_ID = "local:preview";

/**
 * The models each provider lists itself (discover), merged with built-in data, by provider id.
 * On globalThis: Next.js may load this module in more than one bundle of a process, and the
 * catalog refresh (lib/providers/discovered-catalog.ts) must reach all of them.
 */
interface Discovered {
  offered: readonly ModelSpec[];
  /** Listed once, no longer: jobs made with them still need their spec. */
  retired: readonly ModelSpec[];
}
const holder = globalThis as typeof globalThis & { __dailiesDiscoveredModels?: Map<string, Discovered> };
const discovered = (): Map<string, Discovered> => (holder.__dailiesDiscoveredModels ??= new Map());

/** Replaces a provider's listed models (already merged with built-in data) and the ones it stopped listing; null forgets both. */
export function setDiscoveredModels(providerId: string, offered: readonly ModelSpec[] | null, retired: readonly ModelSpec[] = []): void {
  if (offered) discovered().set(providerId, { offered, retired });
  else discovered().delete(providerId);
}

export function getProvider(id: string): VideoProvider | undefined {
  return byId.get(id);
}

/** Any model Dailies knows, offered now or not (old jobs keep theirs). */
export function getModel(id: string): ModelSpec | undefined {
  const listed = discovered().get(id.slice(0, id.indexOf(":")));
  return listed?.offered.find((m) => m.id === id) ?? builtIn.get(id) ?? listed?.retired.find((m) => m.id === id);
}

/** What a provider offers now: its own last list when it has one, else the built-in models. */
export function offeredModels(provider: VideoProvider): readonly ModelSpec[] {
  return discovered().get(provider.id)?.offered ?? provider.models;
}

/** Whether new jobs may use this model: a model its provider no longer lists is kept for old jobs only. */
export function isOffered(model: ModelSpec): boolean {
  const provider = byId.get(model.provider);
  return !!provider && offeredModels(provider).some((m) => m.id === model.id);
}

export function allModels(): ModelSpec[] {
  const all = new Map(builtIn);
  for (const { offered, retired } of discovered().values()) {
    for (const m of retired) if (!all.has(m.id)) all.set(m.id, m);
    for (const m of offered) all.set(m.id, m);
  }
  return [...all.values()];
}

export function providerOf(model: ModelSpec): VideoProvider {
  const p = byId.get(model.provider as ProviderId);
  if (!p) throw new Error(`No provider ${model.provider} for model ${model.id}`);
  return p;
}
