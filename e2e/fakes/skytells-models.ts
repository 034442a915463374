/** What the fake's `GET /v1/models` lists: Skytells' `Model` shape (SDK 1.0.5 types), with input schemas. */

export interface FakeSkytellsModel {
  namespace: string;
  name: string;
  type: string;
  status?: string;
  description?: string;
  pricing?: { amount: number; currency: string; unit: string };
  input_schema?: { type: "object"; required?: string[]; properties: Record<string, Record<string, unknown>> };
  /** false: the list leaves the schema out and only `GET /v1/model/{slug}` has it. */
  schemaInList?: boolean;
}

const ratios = { type: "string", enum: ["16:9", "9:16", "1:1", "4:3"], default: "16:9" };
const fps = { type: "integer", enum: [24, 30], default: 24 };
const prompt = { type: "string", maxLength: 2000 };

function video(namespace: string, name: string, duration: Record<string, unknown>, extra: Record<string, Record<string, unknown>> = {}): FakeSkytellsModel {
  return {
    namespace,
    name,
    type: "video",
    status: "active",
    input_schema: {
      type: "object",
      required: ["prompt"],
      properties: { prompt, duration_seconds: { type: "integer", ...duration }, aspect_ratio: ratios, fps, negative_prompt: { type: "string" }, ...extra },
    },
  };
}

export const DEFAULT_FAKE_MODELS: FakeSkytellsModel[] = [
  { ...video("truefusion-video-pro", "TrueFusion Video Pro", { minimum: 5, maximum: 10, default: 5 }, { image: { type: "string", format: "uri" } }), pricing: { amount: 0.3, currency: "USD", unit: "second" } },
  video("truefusion-video", "TrueFusion Video", { minimum: 5, maximum: 10, default: 5 }, { image: { type: "string", format: "uri" } }),
  video("mera", "Mera", { enum: [5, 10], default: 5 }),
  video("lumo", "Lumo", { enum: [5, 10], default: 5 }),
  { ...video("veo-3.1", "Veo 3.1", { enum: [4, 6, 8], default: 8 }, { image: { type: "string", format: "uri" } }), pricing: { amount: 3, currency: "USD", unit: "video" } },
  { ...video("veo-3.1-fast", "Veo 3.1 Fast", { enum: [4, 6, 8], default: 8 }, { image: { type: "string", format: "uri" } }), schemaInList: false },
  {
    namespace: "lipfusion",
    name: "LipFusion",
    type: "video",
    status: "active",
    input_schema: { type: "object", required: ["face_image_url", "audio_url"], properties: { face_image_url: { type: "string" }, audio_url: { type: "string" } } },
  },
  video("sora-2", "Sora 2", { enum: [4, 8, 12], default: 4 }),
  { namespace: "flux-pro", name: "Flux Pro", type: "image", status: "active", input_schema: { type: "object", required: ["prompt"], properties: { prompt } } },
];

/** A model as the API returns it: the schema only when asked for (`?fields=input_schema`) and, in the list, only where `schemaInList`. */
export function modelJson(m: FakeSkytellsModel, withSchema: boolean): Record<string, unknown> {
  const { schemaInList: _inList, input_schema, ...rest } = m;
  return { ...rest, privacy: "public", capabilities: [], ...(withSchema && input_schema ? { input_schema } : {}) };
}

/** Whether `seconds` is a length the model's schema allows; null when it says nothing. */
export function durationProblem(m: FakeSkytellsModel | undefined, seconds: unknown): string | null {
  const rule = m?.input_schema?.properties.duration_seconds;
  if (!rule || seconds === undefined) return null;
  if (typeof seconds !== "number" || !Number.isInteger(seconds)) return "duration_seconds must be an integer";
  if (Array.isArray(rule.enum) && !rule.enum.includes(seconds)) return `duration_seconds must be one of ${rule.enum.join(", ")}`;
  if (typeof rule.minimum === "number" && seconds < rule.minimum) return `duration_seconds must be at least ${rule.minimum}`;
  if (typeof rule.maximum === "number" && seconds > rule.maximum) return `duration_seconds must be at most ${rule.maximum}`;
  return null;
}
