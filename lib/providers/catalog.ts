import "server-only";
import { PROVIDERS } from "./registry";
import type { AspectRatio } from "./types";

/** What the composer needs to know about one model; plain data that crosses to the browser. */
export interface ModelOption {
  id: string;
  label: string;
  description: string;
  modes: Array<"text" | "image">;
  durations: number[];
  aspectRatios: AspectRatio[];
  resolutions: string[];
  fps: number[];
  defaults: { durationSeconds: number; aspectRatio: AspectRatio; resolution: string; fps: number };
  negativePrompt: boolean;
  seed: boolean;
  maxPromptLength: number;
  pricePerSecondUsd: number | null;
  priceReadOn: string;
  typicalLatencySeconds: number;
  /** Not AI: the local ffmpeg preview. */
  isLocal: boolean;
}

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
    models: p.models.map((m) => ({
      id: m.id,
      label: m.label,
      description: m.description,
      modes: [...m.modes],
      durations: [...m.durations],
      aspectRatios: [...m.aspectRatios],
      resolutions: [...m.resolutions],
      fps: [...m.fps],
      defaults: m.defaults,
      negativePrompt: m.negativePrompt,
      seed: m.seed,
      maxPromptLength: m.maxPromptLength,
      pricePerSecondUsd: m.pricePerSecondUsd,
      priceReadOn: m.priceReadOn,
      typicalLatencySeconds: m.typicalLatencySeconds,
      isLocal: m.provider === "local",
    })),
  }));
}
