/** The `input` object of a Skytells prediction, in the field names of its video guide. */
import type { ProviderJob } from "../types";

/** [U] The image-to-video field is undocumented; Dailies sends the image as a URL in this field. */
export const IMAGE_FIELD = "image";

/** Every input field Dailies can fill; a model that requires anything else is not offered. */
export const SENT_FIELDS: readonly string[] = ["prompt", "duration_seconds", "aspect_ratio", "fps", "negative_prompt", "seed", "resolution", IMAGE_FIELD];

export function buildInput(job: ProviderJob, imageUrl: string | null): Record<string, unknown> {
  const m = job.model;
  const input: Record<string, unknown> = {
    prompt: job.prompt,
    duration_seconds: job.durationSeconds,
    aspect_ratio: job.aspectRatio,
    fps: job.fps,
  };
  if (m.negativePrompt && job.negativePrompt) input.negative_prompt = job.negativePrompt;
  // [U] `seed` and `resolution` are sent only for models whose schema lists them (discover), under those names.
  if (m.seed && job.seed !== null) input.seed = job.seed;
  // Only a model whose schema lists resolutions offers a choice; the others have one and take no field.
  if (m.resolutions.length > 1) input.resolution = job.resolution;
  if (imageUrl) input[IMAGE_FIELD] = imageUrl;
  return input;
}
