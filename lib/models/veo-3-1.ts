import { aiFamily } from "./family";

/** Google's Veo 3.1 (Google's own limits, shared/providers/google-veo.md). */
export const veo31 = aiFamily({
  id: "veo-3.1",
  label: "Veo 3.1",
  maker: "Google",
  description: "Google's highest-quality Veo: cinematic motion with synchronized sound. Text or a start image.",
  modes: ["text", "image"],
  durations: [4, 6, 8],
  aspectRatios: ["16:9", "9:16"],
  resolutions: ["720p", "1080p", "4k"],
  fps: [24],
  defaults: { durationSeconds: 8, aspectRatio: "16:9", resolution: "720p", fps: 24 },
  audio: true,
  negativePrompt: true,
  seed: true,
});
