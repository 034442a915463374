/**
 * AI.ML's offering of its one documented video model (lib/models/video-gen-pro.ts); widening it
 * is an edit to the family's lists (and, for ratio/fps/seed, to `flags`).
 */
import { UNKNOWN_PRICE } from "../../models/price";
import { routeSpec } from "../../models/route";
import { videoGenPro } from "../../models/video-gen-pro";
import type { ModelSpec } from "../types";

/** Inline `--flags` beyond --resolution/--duration that a model is known to read. */
export type AimlFlag = "ratio" | "fps" | "seed";

export interface AimlModelSpec extends ModelSpec {
  provider: "aiml";
  aiml: { flags: readonly AimlFlag[] };
}

export const aimlModels: readonly AimlModelSpec[] = [
  {
    ...routeSpec("aiml", {
      family: videoGenPro,
      providerModel: "video-gen.pro-1.0",
      label: videoGenPro.label,
      imageInput: "url",
      // [U] AI.ML publishes no per-second price.
      price: UNKNOWN_PRICE,
      priceReadOn: "2026-12-01",
      // [U] No typical wait is documented; the guide polls every 2–5 s.
      typicalWaitSeconds: 90,
      options: [
        { key: "camerafixed", label: "Fixed camera", description: "Keep the camera still (no pans or zooms).", kind: "boolean", default: false },
      ],
    }),
    aiml: { flags: [] },
  },
];

export function findAimlModel(id: string): AimlModelSpec | undefined {
  return aimlModels.find((m) => m.id === id || m.providerModel === id);
}
