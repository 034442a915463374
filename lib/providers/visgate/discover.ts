/**
 * Visgate's own catalog (`GET /models?media_type=video`, ModelInfo records) as ModelSpecs.
 * A listed model Dailies has built-in data for keeps that data (limits, options, wire);
 * any other is offered with safe single-value settings, since the listing gives no limits.
 */
import { at, isRecord, num, str } from "../kit/json";
import { findVisgateModel, PRICE_READ_ON, type VisgateModelSpec } from "./models";

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);

export function specsFromListing(body: unknown): VisgateModelSpec[] {
  const entries = Array.isArray(at(body, "models")) ? (at(body, "models") as unknown[]) : Array.isArray(body) ? body : [];
  const seen = new Set<string>();
  const specs: VisgateModelSpec[] = [];
  for (const entry of entries) {
    const spec = specFromEntry(entry);
    if (spec && !seen.has(spec.id)) {
      seen.add(spec.id);
      specs.push(spec);
    }
  }
  return specs;
}

function specFromEntry(entry: unknown): VisgateModelSpec | null {
  if (!isRecord(entry)) return null;
  const id = str(entry.id);
  if (!id) return null;
  // The filter is a query parameter; an image model in the answer is still not offered.
  if ((str(entry.media_type) ?? "video") !== "video") return null;
  const known = findVisgateModel(id);
  if (known) return known;
  const caps = [...strings(entry.capabilities), ...strings(entry.input_types)].map((c) => c.toLowerCase());
  const modes: Array<"text" | "image"> = [];
  if (caps.length === 0 || caps.some((c) => c === "text-to-video" || c === "text")) modes.push("text");
  if (caps.some((c) => c === "image-to-video" || c === "image")) modes.push("image");
  if (modes.length === 0) return null;
  const name = str(entry.name) ?? id;
  const upstream = str(entry.provider);
  return {
    id: `visgate:${id}`,
    provider: "visgate",
    engine: "ai",
    imageInput: "url",
    providerModel: id,
    label: name,
    description: str(entry.description) ?? `${name}${upstream ? ` from ${upstream}` : ""}, through Visgate.`,
    modes,
    // The listing gives no limits: Visgate's documented default length, and nothing else is sent.
    durations: [5],
    aspectRatios: ["16:9"],
    resolutions: ["720p"],
    fps: [24],
    defaults: { durationSeconds: 5, aspectRatio: "16:9", resolution: "720p", fps: 24 },
    negativePrompt: false,
    seed: false,
    maxPromptLength: 2000,
    pricePerSecondUsd: perSecondUsd(entry),
    priceReadOn: PRICE_READ_ON,
    typicalLatencySeconds: 120,
    visgate: { wire: {} },
  };
}

/** [U] `pricing_unit` values are not documented; only a per-second unit is read as a per-second price. */
function perSecondUsd(entry: Record<string, unknown>): number | null {
  const unit = str(entry.pricing_unit) ?? "";
  if (!/sec/i.test(unit)) return null;
  const micro = num(entry.normalized_cost_micro) || num(entry.base_cost_micro);
  return micro ? micro / 1e6 : null;
}
