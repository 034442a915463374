/** A validated job as an adapter receives it, built from a model's defaults. */
import { randomUUID } from "node:crypto";
import type { ModelSpec, ProviderJob } from "../../lib/providers/types";

export function providerJobFor(model: ModelSpec | undefined, overrides: Partial<ProviderJob> = {}): ProviderJob {
  if (!model) throw new Error("no such model");
  return {
    id: `job_${randomUUID()}`,
    model,
    prompt: `a lighthouse at dusk, slow dolly in ${randomUUID()}`,
    negativePrompt: null,
    aspectRatio: model.defaults.aspectRatio,
    durationSeconds: model.defaults.durationSeconds,
    resolution: model.defaults.resolution,
    fps: model.defaults.fps,
    seed: null,
    deadlineAt: Date.now() + 3_600_000,
    ...overrides,
  };
}
