/**
 * Settings of the allowedParams gateway (shared/providers/gateway-002.md). Its vendor is
 * unknown, so where it lives, how it wants its key, its paths and its field names are all
 * settings; the defaults come from its guide where it says, and are guesses marked [U]
 * where it does not. Pure zod: lib/env.ts merges this slice.
 */
import { z } from "zod";
import { optionalSetting, urlSetting } from "../kit/config-schema";

/** Names of the wire fields GATEWAY_FIELDS may rename (defaults in wire.ts). */
export const GATEWAY_FIELD_KEYS = [
  "model",
  "prompt",
  "negativePrompt",
  "seed",
  "resolution",
  "aspectRatio",
  "duration",
  "imageUrl",
  "imageBase64",
  "jobId",
  "status",
  "progress",
  "outputUrl",
  "mirrorStatus",
  "upstreamUrl",
  "error",
  "servedModel",
  "credits",
] as const;
export type GatewayFieldKey = (typeof GATEWAY_FIELD_KEYS)[number];

const emptyIsUnset = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** A path on the gateway's own API: never a full URL, so the key cannot be sent elsewhere. */
const pathSetting = (name: string, needsId: boolean) =>
  z
    .string()
    .trim()
    .refine((v) => /^\/[^\s]*$/.test(v) && !v.includes("//"), { message: `${name} must be a path starting with "/" (not a full URL)` })
    .refine((v) => !needsId || v.includes("{id}"), { message: `${name} must contain {id} where the job id goes` });

const fieldsSetting = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx): Partial<Record<GatewayFieldKey, string>> => {
    if (!v) return {};
    let parsed: unknown;
    try {
      parsed = JSON.parse(v);
    } catch {
      ctx.addIssue({ code: "custom", message: 'GATEWAY_FIELDS must be a JSON object, e.g. {"prompt":"text","jobId":"id"}' });
      return z.NEVER;
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
      ctx.addIssue({ code: "custom", message: "GATEWAY_FIELDS must be a JSON object of field names" });
      return z.NEVER;
    }
    const out: Partial<Record<GatewayFieldKey, string>> = {};
    for (const [key, name] of Object.entries(parsed)) {
      if (!(GATEWAY_FIELD_KEYS as readonly string[]).includes(key)) {
        ctx.addIssue({ code: "custom", message: `GATEWAY_FIELDS has an unknown key "${key}"; known keys: ${GATEWAY_FIELD_KEYS.join(", ")}` });
        return z.NEVER;
      }
      if (typeof name !== "string" || !/^[\w-]+(\.[\w-]+)*$/.test(name)) {
        ctx.addIssue({ code: "custom", message: `GATEWAY_FIELDS.${key} must be a field name (dots for nesting, e.g. "result.url")` });
        return z.NEVER;
      }
      out[key as GatewayFieldKey] = name;
    }
    return out;
  });

export const gatewayConfig = z.object({
  GATEWAY_API_KEY: optionalSetting,
  // [U] The guide names no host, so there is no default: a guessed host would be sent the key.
  GATEWAY_BASE_URL: z.preprocess(emptyIsUnset, urlSetting("GATEWAY_BASE_URL").optional()),
  // [U] Auth header and scheme are not in the guide; "Authorization: Bearer <key>" is the common form.
  GATEWAY_AUTH_HEADER: z
    .string()
    .trim()
    .regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, "GATEWAY_AUTH_HEADER must be an HTTP header name, e.g. x-api-key")
    .default("Authorization"),
  /** Put before the key in that header; "" or "none" sends the key alone. */
  GATEWAY_AUTH_SCHEME: z.string().trim().default("Bearer"),
  // From the guide: `GET /v1/models?modality=video`.
  GATEWAY_MODELS_PATH: pathSetting("GATEWAY_MODELS_PATH", false).default("/v1/models?modality=video"),
  // [U] Submit and status paths are not in the guide (its code samples were stripped).
  GATEWAY_SUBMIT_PATH: pathSetting("GATEWAY_SUBMIT_PATH", false).default("/v1/videos"),
  GATEWAY_STATUS_PATH: pathSetting("GATEWAY_STATUS_PATH", true).default("/v1/videos/{id}"),
  // [U] The guide documents no cancel; unset means jobs are canceled in Dailies only.
  GATEWAY_CANCEL_PATH: z.preprocess(emptyIsUnset, pathSetting("GATEWAY_CANCEL_PATH", true).optional()),
  // The guide takes `image_url` or inline base64 (base64 field name unknown): by URL unless told otherwise.
  GATEWAY_IMAGE_INPUT: z.preprocess(emptyIsUnset, z.enum(["url", "base64"], { error: 'GATEWAY_IMAGE_INPUT must be "url" or "base64"' }).default("url")),
  GATEWAY_FIELDS: fieldsSetting,
});

export type GatewaySettings = z.infer<typeof gatewayConfig>;
