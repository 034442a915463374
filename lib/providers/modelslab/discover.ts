/**
 * ModelsLab's own model list (`GET /v7/models?feature=video_fusion`) → ModelSpecs. The list's
 * shape is not documented: [U] it is read like the official CLI reads its model search
 * (`data[]` or `data.items[]`, each with `model_id`, `model_name`/`name`, `model_type`/`feature`),
 * and an item's `parameters` JSON Schema (which the model detail call carries) is used when present.
 */
import { at, isRecord, num, str, type JsonRecord } from "../kit/json";
import { ASPECT_RATIOS, type AspectRatio, type ModelOptionSpec, type ModelSpec } from "../types";
import { modelslabModels, modelslabSpec, VEO_OPTIONS } from "./models";

const builtIn = new Map(modelslabModels.map((m) => [m.providerModel, m]));
// Video Fusion also lists lip-sync, video-to-video and motion-control models, which need inputs Dailies does not send.
const NOT_GENERATION = /lip[-_ ]?sync|video[-_ ]?to[-_ ]?video|v2v|motion[-_ ]?control/i;
const IMAGE = /i2v|image[-_ ]?to[-_ ]?video|img2video/i;
const TEXT = /t2v|text[-_ ]?to[-_ ]?video|txt2video/i;

export function itemsOf(body: unknown): JsonRecord[] {
  const list = Array.isArray(body) ? body : [at(body, "data"), at(body, "data", "items"), at(body, "models")].find(Array.isArray);
  return (list ?? []).filter(isRecord);
}

export function specsFromList(body: unknown): ModelSpec[] {
  const specs = new Map<string, ModelSpec>();
  for (const item of itemsOf(body)) {
    const spec = specOf(item);
    if (spec) specs.set(spec.id, spec);
  }
  return [...specs.values()];
}

function specOf(item: JsonRecord): ModelSpec | null {
  const id = str(item.model_id) ?? str(item.id);
  if (!id) return null;
  const feature = str(item.feature);
  if (feature && feature !== "video_fusion") return null;
  const kind = [item.model_type, item.model_subcategory, item.type, id].map((v) => (typeof v === "string" ? v : "")).join(" ");
  if (NOT_GENERATION.test(kind)) return null;

  const known = builtIn.get(id);
  const props = isRecord(at(item, "parameters", "properties")) ? (at(item, "parameters", "properties") as JsonRecord) : {};
  const durations = numbers(at(props, "duration", "enum"));
  const aspects = strings(at(props, "aspect_ratio", "enum")).filter((a): a is AspectRatio => (ASPECT_RATIOS as readonly string[]).includes(a));
  const resolutions = strings(at(props, "resolution", "enum")).map((r) => (/^\d+$/.test(r) ? `${r}p` : r.toLowerCase()));
  const modes: ModelSpec["modes"] = IMAGE.test(kind) ? ["image"] : TEXT.test(kind) ? ["text"] : (known?.modes ?? ["text"]);
  const label = str(item.model_name) ?? str(item.name) ?? known?.label ?? id;
  const base = known ?? modelslabSpec(id, { label, description: `${label} through ModelsLab.`, modes, durations: [5], aspectRatios: ["16:9"], resolutions: ["720p"], latency: 180 });
  const spec = modelslabSpec(id, {
    label: known?.label ?? label,
    description: str(item.description) ?? base.description,
    modes: known?.modes ?? modes,
    durations: durations.length ? durations : base.durations,
    defaultDuration: num(at(props, "duration", "default")) ?? base.defaults.durationSeconds,
    aspectRatios: aspects.length ? aspects : base.aspectRatios,
    resolutions: resolutions.length ? resolutions : base.resolutions,
    fps: base.fps,
    negativePrompt: "negative_prompt" in props || base.negativePrompt,
    seed: base.seed,
    imageInput: base.imageInput,
    options: optionsOf(props) ?? base.options,
    latency: base.typicalLatencySeconds,
  });
  // A default the list does not offer would make every request invalid.
  if (!spec.durations.includes(spec.defaults.durationSeconds)) spec.defaults.durationSeconds = spec.durations[0]!;
  return spec;
}

/** `generate_audio` / `enhance_prompt` when the schema has them, with its defaults. */
function optionsOf(props: JsonRecord): readonly ModelOptionSpec[] | undefined {
  const found = VEO_OPTIONS.filter((o) => isRecord(props[o.key])).map((o) => {
    const d = at(props, o.key, "default");
    return typeof d === "boolean" && o.kind === "boolean" ? { ...o, default: d } : o;
  });
  return found.length ? found : undefined;
}

function numbers(v: unknown): number[] {
  if (!Array.isArray(v)) return [];
  return [...new Set(v.map(num).filter((n): n is number => n !== null && n > 0 && Number.isInteger(n)))].sort((a, b) => a - b);
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string" && x.length > 0) : [];
}
