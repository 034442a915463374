import type { Job } from "../db/schema";
import { getModel } from "../providers/registry";
import { cleanReport } from "./provider-report";

export function mediaUrl(key: string): string {
  return `/media/${key}`;
}

/** A job as the JSON API and the UI see it: no provider internals, no lease columns. */
export function serializeJob(job: Job, waitingReason: string | null = null) {
  const model = getModel(job.model);
  return {
    id: job.id,
    model: job.model,
    modelLabel: model?.label ?? job.model,
    provider: job.provider,
    status: job.status,
    progress: job.progress,
    etaSeconds: job.etaSeconds,
    /** What the provider reported about serving the job: upstream provider and model, cache hit, latency, cost. */
    providerReport: cleanReport(job.providerReport),
    /** Why a queued job has not been sent yet, e.g. "Waiting for a ModelsLab slot (5 of 5 in use)." */
    waitingReason,
    error: job.errorCode ? { code: job.errorCode, message: job.errorMessage ?? "The job failed." } : null,
    video:
      job.status === "succeeded" && job.videoKey && job.posterKey
        ? {
            url: mediaUrl(job.videoKey),
            posterUrl: mediaUrl(job.posterKey),
            durationSeconds: job.videoDurationSeconds,
            width: job.videoWidth,
            height: job.videoHeight,
            bytes: job.videoBytes,
            codec: job.videoCodec,
          }
        : null,
    prompt: job.prompt,
    negativePrompt: job.negativePrompt,
    aspectRatio: job.aspectRatio,
    durationSeconds: job.durationSeconds,
    resolution: job.resolution,
    fps: job.fps,
    seed: job.seed,
    options: job.options ?? null,
    imageUrl: job.inputImageKey ? mediaUrl(job.inputImageKey) : null,
    parentId: job.parentId,
    /** The generation (one submit's takes) this job belongs to; the feed groups by it. */
    generationId: job.generationId,
    projectId: job.projectId,
    favorite: job.favorite,
    createdAt: new Date(job.createdAt).toISOString(),
    updatedAt: new Date(job.updatedAt).toISOString(),
    submittedAt: job.submittedAt ? new Date(job.submittedAt).toISOString() : null,
    completedAt: job.completedAt ? new Date(job.completedAt).toISOString() : null,
  };
}

export type JobJson = ReturnType<typeof serializeJob>;
