/**
 * The fake gateway's model list and its check of a submission against `allowedParams`.
 * Ids and max durations are the guide's table; the other values are invented for tests.
 */
export interface GatewayFakeModel {
  id: string;
  modality?: string;
  allowedParams: Record<string, unknown>;
}

export const DEFAULT_GATEWAY_MODELS: GatewayFakeModel[] = [
  { id: "veo-3-1", modality: "video", allowedParams: { resolution: ["720p", "1080p"], aspect_ratio: ["16:9", "9:16"], duration_seconds: [4, 6, 8] } },
  { id: "veo-3-1-fast", modality: "video", allowedParams: { resolution: ["720p"], aspect_ratio: ["16:9", "9:16"], duration_seconds: [4] } },
  {
    id: "sora-2",
    modality: "video",
    allowedParams: { resolution: ["720p"], aspect_ratio: ["16:9", "9:16"], duration_seconds: [4, 8, 12, 16, 20], seed: true },
  },
  {
    id: "wan-2-1",
    modality: "video",
    allowedParams: { resolution: ["480p", "720p"], aspect_ratio: ["16:9", "9:16", "1:1"], duration_seconds: [4, 6], negative_prompt: true, fps: [16, 24] },
  },
  { id: "grok-video", modality: "video", allowedParams: { resolution: ["720p"], aspect_ratio: ["16:9"], duration_seconds: [6], generate_audio: [true, false] } },
  // Listed only when the caller forgets `?modality=video`.
  { id: "imagen-4", modality: "image", allowedParams: { resolution: ["1k"], aspect_ratio: ["1:1"] } },
];

/** Why the gateway would refuse this body (a sentence), or null when it fits the model's allowedParams. */
export function refusalFor(models: GatewayFakeModel[], body: Record<string, unknown>): string | null {
  const model = models.find((m) => m.id === body.model && m.modality !== "image");
  if (!model) return `unknown video model ${JSON.stringify(body.model)}`;
  if (typeof body.prompt !== "string" || !body.prompt.trim()) return "prompt is required";
  const checks: Array<[string, unknown]> = [
    ["resolution", body.resolution],
    ["aspect_ratio", body.aspect_ratio],
    ["duration_seconds", body.duration_seconds],
  ];
  for (const [key, value] of Object.entries(body)) if (key in model.allowedParams && !checks.some(([k]) => k === key)) checks.push([key, value]);
  for (const [key, value] of checks) {
    const allowed = model.allowedParams[key];
    if (!Array.isArray(allowed)) continue;
    if (!allowed.includes(value)) return `${key} ${JSON.stringify(value)} is not allowed for ${model.id}; allowed: ${allowed.join(", ")}`;
  }
  return null;
}
