/**
 * What every view of a route shows of it, whoever reads it (the composer's catalog, GET /api/models):
 * the family it is a route of, what it accepts and how it is priced. One mapping, so the two views
 * cannot drift apart; each adds only its own fields.
 */
import { familyOf, priceOf } from "../models/route";
import type { ModelSpec } from "./types";

export function routeFields(spec: ModelSpec) {
  return {
    /** The model family this route belongs to (its own id for a model no family names). */
    family: familyOf(spec),
    engine: spec.engine,
    modes: spec.modes,
    durations: spec.durations,
    aspectRatios: spec.aspectRatios,
    resolutions: spec.resolutions,
    fps: spec.fps,
    defaults: spec.defaults,
    negativePrompt: spec.negativePrompt,
    seed: spec.seed,
    maxPromptLength: spec.maxPromptLength,
    /** How the provider charges: per_second (by resolution, with or without sound, a minimum), per_request, or unknown. */
    price: priceOf(spec),
    pricePerSecondUsd: spec.pricePerSecondUsd,
    typicalLatencySeconds: spec.typicalLatencySeconds,
  };
}
