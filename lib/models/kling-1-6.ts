import { aiFamily } from "./family";
import { kling21 } from "./kling-2-1";

export const kling16 = aiFamily({
  ...kling21,
  id: "kling-1.6",
  label: "Kling 1.6",
  description: "Kling 1.6 animates a still, framed 16:9, 9:16 or 1:1.",
  resolutions: ["720p"],
});
