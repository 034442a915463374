/**
 * Skytells' offerings (see shared/providers/skytells.md). `discover()` refreshes limits and prices
 * from `GET /v1/models`; these fill in what the list leaves out.
 *
 * Left out on purpose: `lipfusion` (lip-sync needs an audio track, which Dailies has no way to
 * send) and `sora-2` / `sora-2-pro` (OpenAI's Sora API shut down on 2026-09-24, so Skytells
 * most likely cannot serve them; see the notes' Dec 2026 update).
 */
import type { ModelFamily } from "../../models/family";
import { perSecond, UNKNOWN_PRICE, type PriceRule } from "../../models/price";
import { routeSpec } from "../../models/route";
import { lumo, mera, trueFusionVideo, trueFusionVideoPro } from "../../models/skytells-own";
import { veo31 } from "../../models/veo-3-1";
import { veo31Fast } from "../../models/veo-3-1-fast";
import type { ModelSpec } from "../types";

export const PRICE_READ_ON = "2026-12-01";

// TrueFusion is billed per second with a 5 s minimum [V].
// [U] Prices: the guide lists one cost per clip ($1.50 TrueFusion Pro ...) without a unit; read
// here as the price of its 5 s example clip (8 s for Veo), divided into seconds. The 5 s minimum
// is assumed for every model.
const billed = (usd: number): PriceRule => perSecond(usd, { minSeconds: 5 });

// A finished prediction reports `metadata.billing.credits_used` [V SDK types]; what a credit costs is
// not documented. [U] Read as one dollar per credit, so the ledger's actual is the provider's own count.
export const SKYTELLS_CREDIT_USD = 1;

function offer(family: ModelFamily, price: PriceRule, wait: number, veo = false): ModelSpec {
  return routeSpec("skytells", {
    family,
    providerModel: family.id,
    // Its own models need no maker in their name; Veo is Google's, served at 720p.
    ...(veo ? { narrow: { resolutions: ["720p"], seed: false } } : { label: family.label }),
    // Skytells takes input images only as URLs (no upload endpoint, no inline form documented).
    imageInput: "url",
    price,
    priceReadOn: PRICE_READ_ON,
    typicalWaitSeconds: wait,
    creditUsd: SKYTELLS_CREDIT_USD,
  });
}

export const skytellsModels: readonly ModelSpec[] = [
  offer(trueFusionVideoPro, billed(0.3), 60),
  offer(trueFusionVideo, billed(0.16), 45),
  offer(mera, billed(0.4), 210),
  offer(lumo, billed(0.24), 60),
  offer(veo31, billed(0.375), 180, true),
  offer(veo31Fast, UNKNOWN_PRICE, 90, true),
];

export const DEFAULT_SKYTELLS_MODEL = "skytells:truefusion-video-pro";

export function builtInSkytellsModel(slug: string): ModelSpec | undefined {
  return skytellsModels.find((m) => m.providerModel === slug);
}
