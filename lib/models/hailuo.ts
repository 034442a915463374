import { aiFamily } from "./family";

/** MiniMax Hailuo 02: 10 s only at 768p, so the providers narrow the lengths or the sizes. */
export const hailuo02 = aiFamily({
  id: "hailuo-02",
  label: "Hailuo 02",
  maker: "MiniMax",
  description: "Strong physics and motion. Text or a start image.",
  modes: ["text", "image"],
  durations: [6, 10],
  aspectRatios: ["16:9"],
  resolutions: ["512p", "768p", "1080p"],
  fps: [24],
  defaults: { durationSeconds: 6, aspectRatio: "16:9", resolution: "768p", fps: 24 },
  negativePrompt: false,
  seed: false,
});

export const hailuo23 = aiFamily({
  ...hailuo02,
  id: "hailuo-2.3",
  label: "Hailuo 2.3",
  description: "MiniMax's Hailuo 2.3 animates a still.",
  modes: ["image"],
  resolutions: ["768p"],
});
