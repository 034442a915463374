/**
 * The gateway's models come only from its own list (`allowedParams`): Dailies hard-codes no
 * limits for it. The guide's table gives names, strengths and credit prices, used here for
 * labels and descriptions of the models the gateway lists.
 */
import { veo31 } from "../../models/veo-3-1";
import { veo31Fast } from "../../models/veo-3-1-fast";
import { ASPECT_RATIOS, type AspectRatio, type ImageInputWay, type ModelOptionSpec, type ModelSpec } from "../types";

export const GATEWAY_ID = "gateway";

interface BuiltInInfo {
  /** The model family (lib/models) the gateway's id is a route of, so it can stand in for another provider's. */
  family?: string;
  label: string;
  description: string;
  typicalLatencySeconds: number;
}

// Labels and descriptions from the guide's table; waits are [U] guesses (the guide says only "slower").
const INFO: Record<string, BuiltInInfo> = {
  "veo-3-1": {
    family: veo31.id,
    label: "Veo 3.1",
    description: "Google Veo 3.1: photorealism and motion coherence; slower and costlier. About 180 credits per 4 s 720p clip.",
    typicalLatencySeconds: 180,
  },
  "veo-3-1-fast": {
    family: veo31Fast.id,
    label: "Veo 3.1 Fast",
    description: "Google Veo 3.1 Fast: for iterating, the gateway's default for prototyping. About 80 credits per 4 s 720p clip.",
    typicalLatencySeconds: 90,
  },
  "sora-2": {
    label: "Sora 2",
    description: "OpenAI Sora 2: long, narrative scenes; limited availability. About 200 credits per 4 s 720p clip.",
    typicalLatencySeconds: 240,
  },
  "wan-2-1": {
    label: "Wan 2.1",
    description: "Alibaba Wan 2.1: text-to-video; needs the PRC opt-in on the gateway account. About 40 credits per 4 s 720p clip.",
    typicalLatencySeconds: 120,
  },
  "grok-video": { label: "Grok Video", description: "xAI Grok video: realistic, low refusal.", typicalLatencySeconds: 120 },
};

const DEFAULT_LATENCY_SECONDS = 120; // [U]
const DEFAULT_FPS = 24; // [U] the guide lists no frame rates; fps is sent only when allowedParams lists it.
const DEFAULT_MAX_PROMPT = 2000; // [U]
const FALLBACK_RESOLUTION = "720p"; // [U] used (and sent) only when allowedParams lists no resolutions
const FALLBACK_ASPECT: AspectRatio = "16:9"; // [U] likewise for aspect ratios

/** allowedParams keys with a place of their own in ModelSpec; every other key becomes a typed option. */
const COMMON_KEYS = new Set(["resolution", "aspect_ratio", "duration_seconds", "negative_prompt", "seed", "image_url", "image_base64", "prompt", "model"]);

const warned = new Set<string>();
function warnOnce(message: string): void {
  if (warned.has(message)) return;
  warned.add(message);
  console.warn(`[gateway] ${message}`);
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The entries of a models answer: `{data: [...]}`, `{models: [...]}` or a bare array ([U] the guide shows no shape). */
export function modelEntries(body: unknown): unknown[] | null {
  if (Array.isArray(body)) return body;
  if (isRecord(body)) for (const key of ["data", "models", "items"]) if (Array.isArray(body[key])) return body[key] as unknown[];
  return null;
}

/** Maps the gateway's model list to specs; entries without an id or a usable duration list are left out (logged). */
export function specsFromModelList(body: unknown, o: { imageInput: "url" | "base64" }): ModelSpec[] | null {
  const entries = modelEntries(body);
  if (!entries) return null;
  const specs: ModelSpec[] = [];
  for (const entry of entries) {
    const spec = specFromEntry(entry, o.imageInput === "base64" ? "inline" : "url");
    if (spec) specs.push(spec);
  }
  return specs;
}

function specFromEntry(entry: unknown, imageInput: ImageInputWay): ModelSpec | null {
  if (!isRecord(entry) || typeof entry.id !== "string" || !entry.id) return null;
  const id = entry.id;
  if (!isVideo(entry)) return null;
  const allowed = isRecord(entry.allowedParams) ? entry.allowedParams : {};
  const durations = durationsOf(allowed.duration_seconds);
  if (durations.length === 0) {
    warnOnce(`model ${id} lists no usable duration_seconds in allowedParams; it is not offered`);
    return null;
  }
  const aspects = stringsOf(allowed.aspect_ratio).filter((a): a is AspectRatio => (ASPECT_RATIOS as readonly string[]).includes(a));
  const aspectRatios = aspects.length ? aspects : [FALLBACK_ASPECT];
  const listedResolutions = stringsOf(allowed.resolution);
  const resolutions = listedResolutions.length ? listedResolutions : [FALLBACK_RESOLUTION];
  const info = INFO[id];
  return {
    id: `${GATEWAY_ID}:${id}`,
    provider: GATEWAY_ID,
    ...(info?.family ? { family: info.family } : {}),
    engine: "ai",
    imageInput,
    options: optionsOf(id, allowed),
    providerModel: id,
    label: info?.label ?? (typeof entry.name === "string" && entry.name ? entry.name : id),
    description: info?.description ?? (typeof entry.description === "string" ? entry.description : `${id} through the video gateway.`),
    modes: modesOf(entry),
    durations,
    aspectRatios,
    resolutions,
    fps: [DEFAULT_FPS],
    defaults: {
      durationSeconds: durations[0]!,
      aspectRatio: aspectRatios.includes("16:9") ? "16:9" : aspectRatios[0]!,
      resolution: resolutions.includes("720p") ? "720p" : resolutions[0]!,
      fps: DEFAULT_FPS,
    },
    negativePrompt: listed(allowed.negative_prompt),
    seed: listed(allowed.seed),
    maxPromptLength: DEFAULT_MAX_PROMPT,
    // The gateway prices in credits, not dollars (credit prices are in the description).
    pricePerSecondUsd: null,
    priceReadOn: "",
    typicalLatencySeconds: info?.typicalLatencySeconds ?? DEFAULT_LATENCY_SECONDS,
  };
}

/** [U] A `modality`/`modalities` field on an entry, when present, must include video. */
function isVideo(entry: Record<string, unknown>): boolean {
  const m = entry.modality ?? entry.modalities;
  if (m === undefined) return true;
  return (Array.isArray(m) ? m : [m]).some((x) => typeof x === "string" && x.toLowerCase() === "video");
}

/** [U] Both modes unless the entry lists its inputs (`input_modalities: ["text"]`). */
function modesOf(entry: Record<string, unknown>): Array<"text" | "image"> {
  const inputs = stringsOf(entry.input_modalities ?? entry.inputs).map((s) => s.toLowerCase());
  if (inputs.length === 0) return ["text", "image"];
  const modes: Array<"text" | "image"> = ["text"];
  if (inputs.includes("image")) modes.push("image");
  return modes;
}

const listed = (v: unknown) => v !== undefined && v !== null && v !== false && !(Array.isArray(v) && v.length === 0);

function stringsOf(v: unknown): string[] {
  return Array.isArray(v) ? [...new Set(v.filter((x): x is string => typeof x === "string" && x.length > 0))] : [];
}

/** A list of seconds, or [U] a `{min, max, step?}` range. */
function durationsOf(v: unknown): number[] {
  let values: unknown[] = [];
  if (Array.isArray(v)) values = v;
  else if (isRecord(v) && typeof v.min === "number" && typeof v.max === "number") {
    const step = typeof v.step === "number" && v.step > 0 ? v.step : 1;
    for (let s = v.min; s <= v.max && values.length < 120; s += step) values.push(s);
  }
  const seconds = values.map((x) => (typeof x === "string" ? Number(x) : x)).filter((x): x is number => typeof x === "number" && Number.isFinite(x) && x > 0);
  return [...new Set(seconds)].sort((a, b) => a - b);
}

/** Any other allowedParams list: all booleans → a switch; strings or numbers → a choice (sent back as listed). */
function optionsOf(modelId: string, allowed: Record<string, unknown>): ModelOptionSpec[] {
  const options: ModelOptionSpec[] = [];
  for (const [key, value] of Object.entries(allowed)) {
    if (COMMON_KEYS.has(key)) continue;
    const values = Array.isArray(value) ? value : [];
    const label = key.replace(/[_-]+/g, " ").replace(/^./, (c) => c.toUpperCase());
    if (values.length > 0 && values.every((x) => typeof x === "boolean")) {
      options.push({ key, label, kind: "boolean", default: values.includes(false) ? false : true });
    } else if (values.length > 0 && values.every((x) => typeof x === "string" || typeof x === "number")) {
      options.push({ key, label, kind: "choice", choices: values.map(String), default: String(values[0]) });
    } else {
      warnOnce(`model ${modelId} lists allowedParams.${key} in a form Dailies does not read; it is left out`);
    }
  }
  return options;
}

/** A choice option's value in the type allowedParams listed it in: [U] all-numeric choices are sent as numbers. */
export function optionWireValue(spec: ModelOptionSpec, value: string | boolean): string | number | boolean {
  if (spec.kind === "boolean" || typeof value === "boolean") return value;
  return spec.choices.every((c) => c.trim() !== "" && Number.isFinite(Number(c))) ? Number(value) : value;
}
