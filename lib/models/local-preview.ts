import type { ModelFamily } from "./family";

/** Real MP4s from ffmpeg on this machine, honestly not AI. */
export const localPreview: ModelFamily = {
  id: "local-preview",
  label: "Local preview (no AI)",
  maker: "Dailies",
  engine: "preview",
  description:
    "Not AI: renders on this machine with ffmpeg, free. With an image it makes a camera move over your image " +
    "(dolly in/out, pan, tilt, read from your prompt); without one, a procedural scene with your prompt as a caption. " +
    "Good for trying out the studio and the workflow.",
  modes: ["text", "image"],
  durations: [2, 3, 4, 5, 6, 8, 10],
  aspectRatios: ["16:9", "9:16", "1:1", "4:3", "3:4"],
  resolutions: ["480p", "720p", "1080p"],
  fps: [24, 30],
  defaults: { durationSeconds: 5, aspectRatio: "16:9", resolution: "720p", fps: 24 },
  audio: false,
  negativePrompt: false,
  seed: true,
  maxPromptLength: 2000,
};
