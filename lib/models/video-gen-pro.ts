import { aiFamily } from "./family";

/**
 * AI.ML's one documented video model (shared/providers/aiml.md). Only the documented values are
 * offered; the Seedance-like wider ranges are guesses left out.
 */
export const videoGenPro = aiFamily({
  id: "video-gen-pro-1.0",
  label: "Video Gen Pro 1.0",
  maker: "AI.ML",
  description: "AI.ML's video model (text or image to video), 720p or 1080p.",
  modes: ["text", "image"],
  // [U] Only 5 s is documented; Seedance would also take 2–12 s (`--duration`).
  durations: [5],
  // [U] No `--ratio` is documented, so nothing is sent and the provider's own framing (assumed 16:9) is what comes back.
  aspectRatios: ["16:9"],
  // [U] 720p and 1080p are the documented examples; 480p is a Seedance guess left out.
  resolutions: ["720p", "1080p"],
  // [U] Frame rate is not documented (Seedance renders 24 fps).
  fps: [24],
  defaults: { durationSeconds: 5, aspectRatio: "16:9", resolution: "720p", fps: 24 },
  negativePrompt: false,
  seed: false,
  // [U] No prompt limit is documented: maxPromptLength stays the common 2000.
});
