import { aiFamily } from "./family";

/** Alibaba's open Wan 2.2 (A14B and its distilled "fast" variant): 16 fps, about 5 s natively. */
export const wan22 = aiFamily({
  id: "wan-2.2",
  label: "Wan 2.2",
  maker: "Alibaba",
  description: "Alibaba's open Wan 2.2: capable and inexpensive, 16 fps.",
  modes: ["text", "image"],
  durations: [3, 5, 8, 10],
  aspectRatios: ["16:9", "9:16", "1:1"],
  resolutions: ["480p", "580p", "720p"],
  fps: [16],
  defaults: { durationSeconds: 5, aspectRatio: "16:9", resolution: "720p", fps: 16 },
  negativePrompt: true,
  seed: true,
});

/** Wan 2.5 at 720p; [U] its aspect ratios are not on the model pages. */
export const wan25 = aiFamily({
  id: "wan-2.5",
  label: "Wan 2.5",
  maker: "Alibaba",
  description: "Alibaba's Wan 2.5: 5 s at 720p, text or a still.",
  modes: ["text", "image"],
  durations: [5],
  aspectRatios: ["16:9", "9:16", "1:1"],
  resolutions: ["720p"],
  fps: [24],
  defaults: { durationSeconds: 5, aspectRatio: "16:9", resolution: "720p", fps: 24 },
  negativePrompt: true,
  seed: false,
});

export const wan26 = aiFamily({
  ...wan25,
  id: "wan-2.6",
  label: "Wan 2.6",
  description: "Alibaba's Wan 2.6 at 720p, text or a still, 5 or 10 s.",
  durations: [5, 10],
});
