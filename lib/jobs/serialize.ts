import type { Attempt, Job } from "../db/schema";
import { getModel, getProvider } from "../providers/registry";
import type { ErrorCode } from "../providers/types";
import { routeStory } from "./fallback-policy";
import { isTerminal } from "./states";
import { cleanReport } from "./provider-report";

export function mediaUrl(key: string): string {
  return `/media/${key}`;
}

const iso = (ms: number | null) => (ms ? new Date(ms).toISOString() : null);
const labelOf = (provider: string) => getProvider(provider)?.label ?? provider;

/** Each try at a provider, first to last: route, how it ended and when (no provider internals beyond its job id). */
function attemptsJson(attempts: readonly Attempt[]) {
  return attempts.map((a) => ({
    n: a.n,
    model: a.model,
    provider: a.provider,
    providerLabel: labelOf(a.provider),
    status: a.status,
    error: a.errorCode ? { code: a.errorCode, message: a.errorMessage ?? "" } : null,
    startedAt: iso(a.startedAt),
    submittedAt: iso(a.submittedAt),
    endedAt: iso(a.endedAt),
  }));
}

function storyOf(job: Job, attempts: readonly Attempt[]): string | null {
  const moved = attempts.filter((a) => a.status === "moved_on" && a.errorCode).map((a) => ({ providerLabel: labelOf(a.provider), errorCode: a.errorCode as ErrorCode }));
  const outcome = job.status === "succeeded" ? "made" : isTerminal(job.status) ? "ended" : "trying";
  return routeStory(moved, { providerLabel: labelOf(job.provider), outcome });
}

/** A job as the JSON API and the UI see it: no provider internals, no lease columns. */
export function serializeJob(job: Job, waitingReason: string | null = null, attempts: readonly Attempt[] = []) {
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
    /** Whether a rate limit or outage may move the job to another provider selling the same model. */
    fallback: job.fallback,
    /** Each try at a provider, first to last. */
    attempts: attemptsJson(attempts),
    /** "Replicate was rate limited → made by fal"; null when the job stayed on its first route. */
    routeStory: storyOf(job, attempts),
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
