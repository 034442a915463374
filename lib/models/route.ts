/**
 * A route is a model family as one provider sells it: the family's capabilities narrowed to what
 * that provider accepts, with its own model id, price and typical wait. Every ModelSpec in the
 * catalog is a route; providers declare offerings and `routeSpec` turns them into specs, so a
 * family's facts are written once.
 */
import type { ImageInputWay, ModelOptionSpec, ModelSpec, ProviderId } from "../providers/types";
import type { ModelFamily } from "./family";
import { ratePerSecond, UNKNOWN_PRICE, type PriceRule } from "./price";

type Narrowable = "modes" | "durations" | "aspectRatios" | "resolutions" | "fps" | "negativePrompt" | "seed" | "maxPromptLength";

export interface Offering {
  family: ModelFamily;
  /** The provider's own id for the model (Replicate slug, fal endpoint id, ...). */
  providerModel: string;
  /** Where the provider accepts less than the family: each list replaces the family's. */
  narrow?: Partial<Pick<ModelFamily, Narrowable>>;
  /** Where this provider's defaults differ from the family's (kept only when still allowed). */
  defaults?: Partial<ModelFamily["defaults"]>;
  price: PriceRule;
  /** The date the price was read from the provider's page. */
  priceReadOn: string;
  typicalWaitSeconds: number;
  /** Defaults to the family's label with its maker: "Veo 3.1 (Google)". */
  label?: string;
  description?: string;
  imageInput?: ImageInputWay;
  options?: readonly ModelOptionSpec[];
  listed?: boolean;
  /** Dollars per billing credit, for a provider whose reports count credits (ModelSpec.creditUsd). */
  creditUsd?: number;
}

/** The family's lists narrowed to the offering, defaults kept inside them. */
export function routeSpec<P extends ProviderId>(provider: P, o: Offering): ModelSpec & { provider: P } {
  const f = o.family;
  const caps = { ...pickCaps(f), ...o.narrow };
  const wanted = { ...f.defaults, ...o.defaults };
  const inside = <T>(list: readonly T[], value: T): T => (list.includes(value) ? value : list[0]!);
  const defaults = {
    durationSeconds: inside(caps.durations, wanted.durationSeconds),
    aspectRatio: inside(caps.aspectRatios, wanted.aspectRatio),
    resolution: inside(caps.resolutions, wanted.resolution),
    fps: inside(caps.fps, wanted.fps),
  };
  return {
    id: `${provider}:${o.providerModel}`,
    provider,
    family: f.id,
    engine: f.engine,
    ...(o.imageInput ? { imageInput: o.imageInput } : {}),
    ...(o.listed !== undefined ? { listed: o.listed } : {}),
    ...(o.options ? { options: o.options } : {}),
    providerModel: o.providerModel,
    label: o.label ?? familyLabel(f),
    description: o.description ?? f.description,
    ...caps,
    defaults,
    price: o.price,
    ...(o.creditUsd !== undefined ? { creditUsd: o.creditUsd } : {}),
    pricePerSecondUsd: f.engine === "preview" ? 0 : defaultRate(o.price, defaults.resolution),
    priceReadOn: o.priceReadOn,
    typicalLatencySeconds: o.typicalWaitSeconds,
  };
}

/** "Veo 3.1 (Google)"; the preview's label says what it is on its own. */
export function familyLabel(f: ModelFamily): string {
  return f.engine === "preview" ? f.label : `${f.label} (${f.maker})`;
}

function pickCaps(f: ModelFamily): Pick<ModelFamily, Narrowable> {
  const { modes, durations, aspectRatios, resolutions, fps, negativePrompt, seed, maxPromptLength } = f;
  return { modes, durations, aspectRatios, resolutions, fps, negativePrompt, seed, maxPromptLength };
}

/** The per-second rate at the default resolution, with sound; a per-request price has none. */
function defaultRate(price: PriceRule, resolution: string): number | null {
  return ratePerSecond(price, { resolution });
}

/** The family a spec belongs to: its declared one, or (a model only a provider's list knows) a family of its own. */
export function familyOf(spec: Pick<ModelSpec, "id" | "family">): string {
  return spec.family ?? spec.id;
}

/** A spec's price rule: its declared rule, else (lists from providers) its per-second figure, else unknown. */
export function priceOf(spec: Pick<ModelSpec, "price" | "pricePerSecondUsd">): PriceRule {
  if (spec.price) return spec.price;
  return spec.pricePerSecondUsd === null ? UNKNOWN_PRICE : { kind: "per_second", usd: spec.pricePerSecondUsd };
}
