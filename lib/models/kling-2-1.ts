import { aiFamily } from "./family";

/** Kling 2.1 (standard at 720p, pro at 1080p): animates a start image, keeping its framing. */
export const kling21 = aiFamily({
  id: "kling-2.1",
  label: "Kling 2.1",
  maker: "Kuaishou",
  description: "Animates a start image (required); the video keeps the image's framing.",
  modes: ["image"],
  durations: [5, 10],
  // Kling takes its framing from the start image; these are the shapes people usually bring.
  aspectRatios: ["16:9", "9:16", "1:1"],
  resolutions: ["720p", "1080p"],
  fps: [24],
  defaults: { durationSeconds: 5, aspectRatio: "16:9", resolution: "720p", fps: 24 },
  negativePrompt: true,
  seed: false,
});

/** Kling 2.1 Master: the top 2.1 tier, text or image, 1080p only (shared/providers/kling.md). */
export const kling21Master = aiFamily({
  ...kling21,
  id: "kling-2.1-master",
  label: "Kling 2.1 Master",
  description: "Kling's top 2.1 tier: strong prompt adherence and smooth 1080p motion.",
  modes: ["text", "image"],
  resolutions: ["1080p"],
  defaults: { ...kling21.defaults, resolution: "1080p" },
  maxPromptLength: 2500,
});
