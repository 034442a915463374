/** A job → ModelsLab's create call: which route, and the body in ModelsLab's own field names. */
import { dataUri, requireImageUrl } from "../kit/image";
import type { ProviderJob, SubmitContext } from "../types";
import { wireFor } from "./models";

export const SERVICE = "ModelsLab";

export type ModelslabApi = "v6" | "v7";

export interface CreateCall {
  api: ModelslabApi;
  path: string;
  body: Record<string, unknown>;
}

/** Where a job's status is read (both APIs: POST with `{key}`). */
export function fetchPath(api: ModelslabApi, id: string): string {
  const safe = encodeURIComponent(id);
  return api === "v6" ? `/v6/video/fetch/${safe}` : `/v7/video-fusion/fetch/${safe}`;
}

export function createCall(job: ProviderJob, ctx: SubmitContext): CreateCall {
  const model = job.model;
  const wire = wireFor(model);
  const image = ctx.image !== null;
  const body: Record<string, unknown> = { model_id: model.providerModel, prompt: job.prompt };
  if (job.negativePrompt && model.negativePrompt) body.negative_prompt = job.negativePrompt;
  // track_id comes back in webhooks: our job id, to cross-check against the callback URL.
  body.track_id = job.id;
  if (ctx.webhookUrl) body.webhook = ctx.webhookUrl;
  const resolution = wire.resolution?.[job.resolution];

  if (wire.api === "v6") {
    // v6 Ultra: frames and fps instead of seconds, `portrait` instead of an aspect ratio.
    body.num_frames = 81;
    body.fps = 16;
    body.portrait = job.aspectRatio === "9:16";
    if (resolution !== undefined) body.resolution = resolution;
    if (model.seed) body.seed = job.seed;
    if (ctx.image) {
      if (ctx.imageUrl) body.init_image = ctx.imageUrl;
      else {
        // [U] whether ModelsLab wants a data URI or bare base64 with `base64: true`.
        body.init_image = dataUri(ctx.image);
        body.base64 = true;
      }
    }
    return { api: "v6", path: image ? "/v6/video/img2video_ultra" : "/v6/video/text2video_ultra", body };
  }

  // v7 takes `duration` as a string in every official example.
  body.duration = String(job.durationSeconds);
  if (wire.aspectRatio) body.aspect_ratio = job.aspectRatio;
  if (resolution !== undefined) body.resolution = resolution;
  for (const option of model.options ?? []) body[option.key] = job.options?.[option.key] ?? option.default;
  if (image) {
    const url = requireImageUrl(ctx, SERVICE);
    body.init_image = wire.imageArray ? [url] : url;
  }
  return { api: "v7", path: image ? "/v7/video-fusion/image-to-video" : "/v7/video-fusion/text-to-video", body };
}
