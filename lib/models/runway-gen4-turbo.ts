import { aiFamily } from "./family";

/** Runway Gen-4 Turbo: image-to-video only (shared/providers/runway.md). */
export const runwayGen4Turbo = aiFamily({
  id: "runway-gen4-turbo",
  label: "Runway Gen-4 Turbo",
  maker: "Runway",
  description: "Runway's fast Gen-4: animates a still image.",
  modes: ["image"],
  durations: [5, 10],
  // [U] How a gateway maps a ratio to Runway's pixel ratios is not documented, so the still's framing is kept.
  aspectRatios: ["16:9"],
  resolutions: ["720p"],
  fps: [24],
  defaults: { durationSeconds: 5, aspectRatio: "16:9", resolution: "720p", fps: 24 },
  negativePrompt: false,
  seed: false,
  maxPromptLength: 1000,
});
