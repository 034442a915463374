/** A validated job → the endpoint to call and its JSON input, in each model's own dialect. */
import "server-only";
import type { ProviderJob } from "../types";
import { ProviderError } from "../kit/errors";
import { findFalModel, type FalModelSpec } from "./models";

export interface FalRequest {
  endpoint: string;
  input: Record<string, unknown>;
}

export function falModelFor(job: ProviderJob): FalModelSpec {
  const model = findFalModel(job.model.id);
  if (!model) {
    throw new ProviderError("invalid_input", `The model ${job.model.label} is no longer offered on fal. Pick another model.`, {
      retryable: false,
    });
  }
  return model;
}

/**
 * Checked before any image upload, so a job we would refuse costs no transfer. The caller
 * adds the image under `model.fal.imageField` for mode "image".
 */
export function buildFalRequest(job: ProviderJob, model: FalModelSpec, mode: "text" | "image"): FalRequest {
  const { fal } = model;
  if (!model.modes.includes(mode)) reject(`${model.label} cannot start from ${mode === "image" ? "an image" : "text alone"}.`);
  if (!model.durations.includes(job.durationSeconds)) reject(`${model.label} cannot make ${job.durationSeconds} s clips.`);
  if (!model.resolutions.includes(job.resolution)) reject(`${model.label} does not offer ${job.resolution}.`);
  if (!model.aspectRatios.includes(job.aspectRatio)) reject(`${model.label} does not offer ${job.aspectRatio}.`);
  if (!model.fps.includes(job.fps)) reject(`${model.label} does not offer ${job.fps} fps.`);

  const input: Record<string, unknown> = { prompt: job.prompt };
  const duration = fal.duration;
  if (duration.kind === "string") {
    input.duration = `${job.durationSeconds}${duration.suffix}`;
  } else if (duration.kind === "frames") {
    // Wan counts frames including the first one: 81 frames at 16 fps is a 5 s clip.
    const frames = Math.round(job.durationSeconds * job.fps) + 1;
    input.num_frames = Math.min(duration.maxFrames, Math.max(duration.minFrames, frames));
    input.frames_per_second = job.fps;
  }
  if (fal.aspectRatioFor.includes(mode)) input.aspect_ratio = job.aspectRatio;
  if (fal.resolution.sendFor.includes(mode)) {
    input.resolution = fal.resolution.casing === "upper" ? job.resolution.toUpperCase() : job.resolution.toLowerCase();
  }
  if (model.negativePrompt && job.negativePrompt) input.negative_prompt = job.negativePrompt;
  if (model.seed && job.seed !== null) input.seed = job.seed;

  const endpoint = mode === "image" ? (fal.imageEndpoint ?? model.providerModel) : model.providerModel;
  return { endpoint, input };
}

function reject(message: string): never {
  throw new ProviderError("invalid_input", message, { retryable: false });
}
