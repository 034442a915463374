import type { ModelSpec } from "../types";

/** The one local model: real MP4s from ffmpeg on this machine, honestly not AI. */
export const localModels: ModelSpec[] = [
  {
    id: "local:preview",
    provider: "local",
    engine: "preview",
    providerModel: "preview",
    label: "Local preview (no AI)",
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
    negativePrompt: false,
    seed: true,
    maxPromptLength: 2000,
    pricePerSecondUsd: 0,
    priceReadOn: "2026-11-21",
    typicalLatencySeconds: 5,
  },
];
