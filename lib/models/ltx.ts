import { aiFamily } from "./family";

/** Lightricks LTX-Video: fast open model for drafts. */
export const ltxVideo = aiFamily({
  id: "ltx-video",
  label: "LTX Video",
  maker: "Lightricks",
  description: "Fast open model for drafts, text or a start image.",
  modes: ["text", "image"],
  durations: [4, 5, 8],
  aspectRatios: ["16:9", "9:16", "1:1", "4:3", "3:4", "21:9"],
  resolutions: ["512p", "640p", "768p", "1024p"],
  fps: [24],
  defaults: { durationSeconds: 5, aspectRatio: "16:9", resolution: "512p", fps: 24 },
  negativePrompt: true,
  seed: true,
});

export const ltx23 = aiFamily({
  ...ltxVideo,
  id: "ltx-2.3",
  label: "LTX 2.3",
  description: "Lightricks LTX 2.3: text or image, about 5 s.",
  durations: [5],
  aspectRatios: ["16:9", "9:16"],
  resolutions: ["480p"],
  fps: [16],
  defaults: { durationSeconds: 5, aspectRatio: "16:9", resolution: "480p", fps: 16 },
});
