/** Job parameters → a model's `input` object, following the model's mapping in models.ts. */
import "server-only";
import { ProviderError } from "../kit/errors";
import type { ProviderJob } from "../types";
import type { ReplicateField, ReplicateModelSpec } from "./models";

function invalid(message: string): ProviderError {
  return new ProviderError("invalid_input", message, { retryable: false });
}

function fieldValue(f: ReplicateField, value: string, label: string, model: ReplicateModelSpec): string | number {
  if (!f.values) return value;
  const mapped = f.values[value];
  if (mapped === undefined) throw invalid(`${model.label} does not offer ${label} ${value}.`);
  return mapped;
}

/**
 * `image` is the start frame as Replicate should receive it (data URI or file URL), or null.
 * The server validated the job against the spec; these checks catch a spec/mapping mismatch
 * before it costs a paid request.
 */
export function buildInput(model: ReplicateModelSpec, job: ProviderJob, image: string | null): Record<string, unknown> {
  const map = model.input;
  const input: Record<string, unknown> = { [map.prompt]: job.prompt };

  if (image) {
    if (!map.image) throw invalid(`${model.label} makes videos from text only; remove the image.`);
    input[map.image] = image;
  } else if (!model.modes.includes("text")) {
    throw invalid(`${model.label} animates a start image: add one and try again.`);
  }

  if (map.negativePrompt && job.negativePrompt) input[map.negativePrompt] = job.negativePrompt;
  if (map.seed && job.seed !== null) input[map.seed] = job.seed;
  if (map.aspectRatio) input[map.aspectRatio] = job.aspectRatio;
  if (map.resolution) input[map.resolution.field] = fieldValue(map.resolution, job.resolution, "resolution", model);
  if (map.fps) input[map.fps] = job.fps;

  if (map.duration.kind === "seconds") {
    input[map.duration.field] = job.durationSeconds;
  } else {
    const frames = map.duration.framesBySeconds[job.durationSeconds];
    if (frames === undefined) throw invalid(`${model.label} does not offer ${job.durationSeconds}-second videos.`);
    input[map.duration.field] = frames;
  }
  return input;
}
