/** Every model family Dailies knows, by id. A family's routes are the catalog's specs that name it. */
import type { ModelFamily } from "./family";
import { hailuo02, hailuo23 } from "./hailuo";
import { kling16 } from "./kling-1-6";
import { kling21, kling21Master } from "./kling-2-1";
import { kling25Turbo } from "./kling-2-5-turbo";
import { localPreview } from "./local-preview";
import { ltx23, ltxVideo } from "./ltx";
import { runwayGen4Turbo } from "./runway-gen4-turbo";
import { seedance1Lite, seedance1Pro } from "./seedance";
import { lumo, mera, trueFusionVideo, trueFusionVideoPro } from "./skytells-own";
import { veo3, veo3Fast } from "./veo-3";
import { veo31 } from "./veo-3-1";
import { veo31Fast } from "./veo-3-1-fast";
import { videoGenPro } from "./video-gen-pro";
import { wan22, wan25, wan26 } from "./wan";

export const FAMILIES: readonly ModelFamily[] = [
  localPreview,
  veo31,
  veo31Fast,
  veo3,
  veo3Fast,
  kling21Master,
  kling25Turbo,
  kling21,
  kling16,
  hailuo02,
  hailuo23,
  seedance1Pro,
  seedance1Lite,
  wan22,
  wan25,
  wan26,
  ltxVideo,
  ltx23,
  trueFusionVideoPro,
  trueFusionVideo,
  mera,
  lumo,
  runwayGen4Turbo,
  videoGenPro,
];

const byId = new Map(FAMILIES.map((f) => [f.id, f]));

export function getFamily(id: string): ModelFamily | undefined {
  return byId.get(id);
}
