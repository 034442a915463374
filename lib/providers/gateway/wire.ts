/**
 * Everything Dailies assumes about the gateway's wire format, in one object built from its
 * settings, so a correction from the vendor's real docs is one setting (or one line here).
 */
import type { GatewayFieldKey, GatewaySettings } from "./config";

export interface GatewayWire {
  baseUrl: string | undefined;
  apiKey: string | undefined;
  auth: { header: string; /** "" sends the key alone. */ scheme: string };
  paths: { models: string; submit: string; status: string; cancel: string | undefined };
  imageInput: "url" | "base64";
  /** Wire names (dotted for nesting) of each field Dailies sends or reads. */
  fields: Record<GatewayFieldKey, string>;
}

export const DEFAULT_FIELDS: Record<GatewayFieldKey, string> = {
  // Named by the guide.
  imageUrl: "image_url",
  resolution: "resolution",
  aspectRatio: "aspect_ratio",
  duration: "duration_seconds",
  jobId: "job_id",
  progress: "progress",
  outputUrl: "result.url",
  mirrorStatus: "result.mirror_status",
  status: "status",
  error: "error",
  // [U] Not named by the guide: the common spellings.
  model: "model",
  prompt: "prompt",
  negativePrompt: "negative_prompt",
  seed: "seed",
  imageBase64: "image_base64",
  // [U] Where an unmirrored job's upstream link would be, when result.url is absent.
  upstreamUrl: "result.upstream_url",
  // [U] What a fallback chain reports about the model that really served the job.
  servedModel: "served_model",
  // [U] The credits the job cost (the guide prices in credits).
  credits: "credits",
};

export function wireFrom(s: GatewaySettings): GatewayWire {
  const scheme = s.GATEWAY_AUTH_SCHEME.toLowerCase() === "none" ? "" : s.GATEWAY_AUTH_SCHEME;
  return {
    baseUrl: s.GATEWAY_BASE_URL,
    apiKey: s.GATEWAY_API_KEY,
    auth: { header: s.GATEWAY_AUTH_HEADER, scheme },
    paths: { models: s.GATEWAY_MODELS_PATH, submit: s.GATEWAY_SUBMIT_PATH, status: s.GATEWAY_STATUS_PATH, cancel: s.GATEWAY_CANCEL_PATH },
    imageInput: s.GATEWAY_IMAGE_INPUT,
    fields: { ...DEFAULT_FIELDS, ...s.GATEWAY_FIELDS },
  };
}

/** A status or cancel path with the job id in place of `{id}`. */
export function jobPath(template: string, id: string): string {
  return template.replaceAll("{id}", encodeURIComponent(id));
}

/** Reads a dotted field ("result.url") from an answer. */
export function readField(body: unknown, dotted: string): unknown {
  let cur = body;
  for (const key of dotted.split(".")) {
    if (typeof cur !== "object" || cur === null || Array.isArray(cur)) return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

/** Writes a dotted field ("input.prompt") into a request body, making the nested objects. */
export function writeField(body: Record<string, unknown>, dotted: string, value: unknown): void {
  const keys = dotted.split(".");
  let cur = body;
  for (const key of keys.slice(0, -1)) {
    const next = cur[key];
    if (typeof next !== "object" || next === null || Array.isArray(next)) cur[key] = {};
    cur = cur[key] as Record<string, unknown>;
  }
  cur[keys.at(-1)!] = value;
}
