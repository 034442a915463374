/**
 * A model family: what a model can do, whoever sells it. Capabilities only; prices, waits and
 * wire formats belong to each provider's offering (lib/models/route.ts).
 */
import type { AspectRatio } from "../providers/types";

export type Mode = "text" | "image";

export interface ModelFamily {
  /** Stable id across providers, e.g. "veo-3.1". */
  id: string;
  label: string;
  /** Who made the model ("Google"), for labels and filters. */
  maker: string;
  description: string;
  /** "preview" for the local ffmpeg renderer (not AI). */
  engine: "ai" | "preview";
  modes: readonly Mode[];
  durations: readonly number[];
  aspectRatios: readonly AspectRatio[];
  resolutions: readonly string[];
  fps: readonly number[];
  defaults: { durationSeconds: number; aspectRatio: AspectRatio; resolution: string; fps: number };
  /** Whether the model makes sound with the picture. */
  audio: boolean;
  negativePrompt: boolean;
  seed: boolean;
  maxPromptLength: number;
}

/** The family with the fields every AI family shares filled in. */
export function aiFamily(f: Omit<ModelFamily, "engine" | "maxPromptLength" | "audio"> & Partial<Pick<ModelFamily, "maxPromptLength" | "audio">>): ModelFamily {
  return { engine: "ai", maxPromptLength: 2000, audio: false, ...f };
}
