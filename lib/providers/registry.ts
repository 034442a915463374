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
const models = new Map<string, ModelSpec>(PROVIDERS.flatMap((p) => p.models.map((m) => [m.id, m] as const)));

export const DEFAULT_MODEL_ID = "local:preview";

export function getProvider(id: string): VideoProvider | undefined {
  return byId.get(id);
}

export function getModel(id: string): ModelSpec | undefined {
  return models.get(id);
}

export function allModels(): ModelSpec[] {
  return [...models.values()];
}

export function providerOf(model: ModelSpec): VideoProvider {
  const p = byId.get(model.provider as ProviderId);
  if (!p) throw new Error(`No provider ${model.provider} for model ${model.id}`);
  return p;
}
