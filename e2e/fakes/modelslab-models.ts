/**
 * The fake's answer to `GET /api/v7/models?feature=video_fusion`. [U] The real list's shape is
 * undocumented; this follows the official CLI's reading (`data[]`, `model_id`, `model_name`,
 * `model_type`, `meta.total`), with a `parameters` JSON Schema on some items as the detail call has.
 */
const schema = (durations: string[], extra: Record<string, unknown> = {}) => ({
  type: "object",
  properties: { prompt: { type: "string" }, duration: { type: "string", enum: durations, default: durations.at(-1) }, ...extra },
});

export const FAKE_MODELS: readonly Record<string, unknown>[] = [
  {
    model_id: "veo-3.1-fast",
    model_name: "Veo 3.1 Fast",
    feature: "video_fusion",
    model_type: "text-to-video",
    parameters: schema(["4", "6", "8"], {
      aspect_ratio: { type: "string", enum: ["16:9", "9:16"] },
      generate_audio: { type: "boolean", default: true },
      enhance_prompt: { type: "boolean", default: false },
      negative_prompt: { type: "string" },
    }),
  },
  { model_id: "wan2.6-i2v", model_name: "Wan 2.6 Image to Video", feature: "video_fusion", model_type: "image-to-video" },
  // A model Dailies has no built-in data for: its limits come only from the list.
  {
    model_id: "seedance-t2v",
    model_name: "Seedance Text-to-Video",
    feature: "video_fusion",
    model_type: "text-to-video",
    description: "ByteDance Seedance through ModelsLab.",
    parameters: schema(["4", "6"], { aspect_ratio: { type: "string", enum: ["16:9", "1:1", "5:4"] }, resolution: { type: "string", enum: ["480p", "720p"] } }),
  },
  { model_id: "sync-lipsync-2", model_name: "Lip Sync 2", feature: "video_fusion", model_type: "lip-sync" },
];

export function modelsListBody(models: readonly Record<string, unknown>[] = FAKE_MODELS): Record<string, unknown> {
  return { status: "success", data: models, meta: { total: models.length, per_page: 100, current_page: 1 } };
}
