import { ASPECT_RATIOS } from "../providers/types";
import { aiFamily } from "./family";

/** ByteDance Seedance 1 Pro: with an image the framing follows it. */
export const seedance1Pro = aiFamily({
  id: "seedance-1-pro",
  label: "Seedance 1 Pro",
  maker: "ByteDance",
  description: "Cinematic, multi-shot scenes, 2–12 s, text or a start image, up to 1080p.",
  modes: ["text", "image"],
  durations: [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
  aspectRatios: ASPECT_RATIOS,
  resolutions: ["480p", "720p", "1080p"],
  fps: [24],
  defaults: { durationSeconds: 5, aspectRatio: "16:9", resolution: "1080p", fps: 24 },
  negativePrompt: false,
  seed: true,
});

export const seedance1Lite = aiFamily({
  ...seedance1Pro,
  id: "seedance-1-lite",
  label: "Seedance 1 Lite",
  description: "The cheaper, faster Seedance: 2–12 s, text or a start image.",
  defaults: { ...seedance1Pro.defaults, resolution: "720p" },
});
