/**
 * Skytells' own video models (shared/providers/skytells.md). [U] Their durations, aspect ratios
 * and image support are not documented beyond "3–30 s depending on model"; Skytells' list
 * (discover) corrects them at run time.
 */
import { aiFamily, type ModelFamily } from "./family";

const skytellsFamily = (id: string, label: string, description: string, image: boolean, durations: number[], resolution: string): ModelFamily =>
  aiFamily({
    id,
    label,
    maker: "Skytells",
    description,
    modes: image ? ["text", "image"] : ["text"],
    durations,
    aspectRatios: ["16:9", "9:16", "1:1", "4:3"],
    resolutions: [resolution],
    fps: [24, 30],
    defaults: { durationSeconds: durations[0]!, aspectRatio: "16:9", resolution, fps: 24 },
    negativePrompt: true,
    // [U] No seed field is documented for Skytells video models.
    seed: false,
  });

export const trueFusionVideoPro = skytellsFamily(
  "truefusion-video-pro",
  "TrueFusion Video Pro",
  "Skytells' flagship video model: 1080p, the best quality Skytells offers.",
  true,
  [5, 6, 8, 10],
  "1080p",
);
export const trueFusionVideo = skytellsFamily(
  "truefusion-video",
  "TrueFusion Video",
  "Skytells' standard video model: 720p, faster and cheaper than Pro.",
  true,
  [5, 6, 8, 10],
  "720p",
);
export const mera = skytellsFamily("mera", "Mera", "Cinematic quality from Skytells; takes two to five minutes.", false, [5, 10], "1080p");
export const lumo = skytellsFamily("lumo", "Lumo", "Artistic, stylised video from Skytells.", false, [5, 10], "720p");
