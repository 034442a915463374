/**
 * Visgate's built-in models. Its ids are the upstream ids (fal endpoint ids, Replicate
 * `owner/name`, `runway/<model>`), so each model's limits are its upstream's (see
 * shared/providers/fal.md, runway.md). `wire` says which of the job's settings go in the body
 * as model extras (Visgate merges extras into the top level and passes them on [V]; whether
 * the upstream reads them under these names is [U]). `discover()` adds what Visgate lists.
 */
import type { ModelFamily } from "../../models/family";
import { perSecond } from "../../models/price";
import { routeSpec, type Offering } from "../../models/route";
import { runwayGen4Turbo } from "../../models/runway-gen4-turbo";
import { veo3, veo3Fast } from "../../models/veo-3";
import type { ModelSpec } from "../types";

/** Body field names for the job's common settings beyond model/prompt/duration_seconds/image_url. */
export interface VisgateWire {
  aspectRatio?: string;
  resolution?: string;
  negativePrompt?: string;
  seed?: string;
}

export interface VisgateModelSpec extends ModelSpec {
  provider: "visgate";
  visgate: { wire: VisgateWire };
}

export const PRICE_READ_ON = "2026-12-01";

const FAL_WIRE: VisgateWire = { aspectRatio: "aspect_ratio", resolution: "resolution", negativePrompt: "negative_prompt", seed: "seed" };

const route = (o: Omit<Offering, "priceReadOn" | "imageInput">, wire: VisgateWire): VisgateModelSpec => ({
  // Visgate passes images on to its upstream by URL.
  ...routeSpec("visgate", { priceReadOn: PRICE_READ_ON, imageInput: "url", ...o }),
  visgate: { wire },
});

const falVeo = (family: ModelFamily, endpoint: string, usd: number, wait: number) =>
  route(
    {
      family,
      providerModel: endpoint,
      label: `${family.label} (Google, via fal)`,
      // fal's Veo 3 stops at 1080p.
      narrow: { resolutions: ["720p", "1080p"] },
      // [U] fal's list price with audio; Visgate's own fee on top is not published. The job page shows what Visgate reports.
      price: perSecond(usd),
      typicalWaitSeconds: wait,
      options: [{ key: "generate_audio", label: "Sound", description: "Let Veo generate a soundtrack with the video.", kind: "boolean", default: true }],
    },
    FAL_WIRE,
  );

export const visgateModels: readonly VisgateModelSpec[] = [
  falVeo(veo3, "fal-ai/veo3", 0.4, 120),
  // [U] fal dropped veo3/fast from its latest SDK types; kept while Visgate still lists it.
  falVeo(veo3Fast, "fal-ai/veo3/fast", 0.15, 60),
  // [U] Runway bills credits; the dollar rate through Visgate is not published.
  route({ family: runwayGen4Turbo, providerModel: "runway/gen4_turbo", label: runwayGen4Turbo.label, price: perSecond(0.05), typicalWaitSeconds: 60 }, {}),
];

export function findVisgateModel(id: string): VisgateModelSpec | undefined {
  return visgateModels.find((m) => m.id === id || m.providerModel === id);
}
