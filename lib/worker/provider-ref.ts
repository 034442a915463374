import type { Job } from "../db/schema";
import { fitOptions } from "../jobs/option-values";
import { getModel, providerOf } from "../providers/registry";
import type { ModelSpec, ProviderJob, ProviderJobRef, VideoProvider } from "../providers/types";

export function modelAndProvider(job: Job): { model: ModelSpec; provider: VideoProvider } {
  const model = getModel(job.model);
  if (!model) throw new Error(`Job ${job.id} names an unknown model ${job.model}`);
  return { model, provider: providerOf(model) };
}

export function refOf(job: Job): ProviderJobRef | null {
  return job.providerJobId ? { providerJobId: job.providerJobId, providerData: job.providerData ?? null } : null;
}

export function providerJobOf(job: Job, model: ModelSpec): ProviderJob {
  return {
    id: job.id,
    model,
    prompt: job.prompt,
    negativePrompt: job.negativePrompt,
    aspectRatio: job.aspectRatio as ProviderJob["aspectRatio"],
    durationSeconds: job.durationSeconds,
    resolution: job.resolution,
    fps: job.fps,
    seed: job.seed,
    // The stored values, checked against the model as it is now (its list may have changed since).
    ...(model.options?.length ? { options: fitOptions(model.options, job.options) } : {}),
    deadlineAt: job.deadlineAt,
  };
}
