/**
 * Skytells' own model list (`GET /v1/models`, with `GET /v1/model/{slug}` for a schema the list
 * left out) mapped to ModelSpecs: limits from each model's `input_schema`, built-in data for
 * labels, descriptions and waits the list does not give.
 */
import "server-only";
import type { ProviderClient } from "../kit/client";
import { at, isRecord, num, str, type JsonRecord } from "../kit/json";
import { ASPECT_RATIOS, type AspectRatio, type ModelSpec } from "../types";
import { builtInSkytellsModel, PRICE_READ_ON, SKYTELLS_CREDIT_USD } from "./models";
import { IMAGE_FIELD, SENT_FIELDS } from "./input";

// [U] Model `status` values are not documented; these read as "not offered now".
const UNAVAILABLE = /^(offline|disabled|deprecated|retired|unavailable|inactive|maintenance)$/i;
// [U] Sora through Skytells is most likely dead since OpenAI's Sora API shut down (2026-09-24).
const DROPPED = /^sora-/i;
const COMMON_DURATIONS = [3, 4, 5, 6, 8, 10, 12, 15, 20, 25, 30];

export async function discoverSkytellsModels(client: ProviderClient): Promise<ModelSpec[]> {
  const { body } = await client.json<unknown>("GET", "/models", { what: "model list request", query: { fields: "input_schema" } });
  // [U] The SDK types the list as a bare Model[]; `{data}` / `{models}` wrappers are accepted too.
  const list = Array.isArray(body) ? body : ((at(body, "data") ?? at(body, "models")) as unknown);
  if (!Array.isArray(list)) return [];
  const videos = list.filter(isRecord).filter((m) => str(m.type)?.toLowerCase() === "video");
  const specs = await Promise.all(
    videos.map(async (m) => {
      // [U] The slug the API takes is read from `namespace` (the SDK's Model has no `slug` field).
      const slug = str(m.namespace) ?? str(m.slug) ?? str(m.id);
      if (!slug || DROPPED.test(slug) || UNAVAILABLE.test(str(m.status) ?? "")) return null;
      const schema = isRecord(m.input_schema) ? m.input_schema : await schemaOf(client, slug);
      return toSpec(slug, m, schema);
    }),
  );
  return specs.filter((s): s is ModelSpec => s !== null);
}

async function schemaOf(client: ProviderClient, slug: string): Promise<JsonRecord | null> {
  try {
    const { body } = await client.json<unknown>("GET", `/model/${encodeURIComponent(slug)}`, { what: "model details request", query: { fields: "input_schema" } });
    const schema = at(body, "input_schema");
    return isRecord(schema) ? schema : null;
  } catch {
    // The list entry alone still makes a usable spec.
    return null;
  }
}

export function toSpec(slug: string, m: JsonRecord, schema: JsonRecord | null): ModelSpec | null {
  const known = builtInSkytellsModel(slug);
  const props = isRecord(schema?.properties) ? schema.properties : null;
  const required = Array.isArray(schema?.required) ? schema.required.filter((r): r is string => typeof r === "string") : [];
  // A model that needs something Dailies cannot send (lipfusion's audio track) cannot be offered.
  if (required.some((field) => !SENT_FIELDS.includes(field))) return null;
  const prop = (name: string): JsonRecord | null => (props && isRecord(props[name]) ? props[name] : null);

  const durations = durationsOf(prop("duration_seconds")) ?? known?.durations ?? [5, 10];
  const aspectRatios = choices(prop("aspect_ratio")).filter((a): a is AspectRatio => (ASPECT_RATIOS as readonly string[]).includes(a));
  const fps = choices(prop("fps")).map(Number).filter((n) => Number.isInteger(n) && n > 0);
  const resolutions = choices(prop("resolution"));
  const image = props ? IMAGE_FIELD in props : (known?.modes.includes("image") ?? false);
  const ratios = aspectRatios.length ? aspectRatios : (known?.aspectRatios ?? ["16:9", "9:16", "1:1", "4:3"]);
  const res = resolutions.length ? resolutions : (known?.resolutions ?? ["720p"]);
  const fpsList = fps.length ? fps : (known?.fps ?? [24, 30]);
  const defaultDuration = pick(num(prop("duration_seconds")?.default), durations, known?.defaults.durationSeconds);
  return {
    id: `skytells:${slug}`,
    provider: "skytells",
    ...(known?.family ? { family: known.family } : {}),
    engine: "ai",
    imageInput: "url",
    providerModel: slug,
    label: known?.label ?? str(m.name) ?? slug,
    description: known?.description ?? str(m.description) ?? `${slug} on Skytells.`,
    modes: image ? (required.includes(IMAGE_FIELD) ? ["image"] : ["text", "image"]) : ["text"],
    durations,
    aspectRatios: ratios,
    resolutions: res,
    fps: fpsList,
    defaults: {
      durationSeconds: defaultDuration,
      aspectRatio: pick(str(prop("aspect_ratio")?.default) as AspectRatio | null, ratios, "16:9"),
      resolution: pick(str(prop("resolution")?.default), res, known?.defaults.resolution),
      fps: pick(num(prop("fps")?.default), fpsList, 24),
    },
    negativePrompt: props ? "negative_prompt" in props : (known?.negativePrompt ?? true),
    seed: props ? "seed" in props : (known?.seed ?? false),
    maxPromptLength: num(prop("prompt")?.maxLength) ?? known?.maxPromptLength ?? 2000,
    // The list's own figure, else the built-in rule (with its 5 s minimum).
    ...(pricePerSecond(m.pricing) === null && known?.price ? { price: known.price } : {}),
    pricePerSecondUsd: pricePerSecond(m.pricing) ?? known?.pricePerSecondUsd ?? null,
    // Discovered models report credits too; the ledger prices them as the built-in ones ([U] models.ts).
    creditUsd: SKYTELLS_CREDIT_USD,
    priceReadOn: isRecord(m.pricing) ? new Date().toISOString().slice(0, 10) : (known?.priceReadOn ?? PRICE_READ_ON),
    // [U] Skytells does not publish waits; two minutes for a model we know nothing about.
    typicalLatencySeconds: known?.typicalLatencySeconds ?? 120,
  };
}

function choices(p: JsonRecord | null): string[] {
  return Array.isArray(p?.enum) ? p.enum.filter((v) => typeof v === "string" || typeof v === "number").map(String) : [];
}

/** An enum of seconds, or the common lengths inside `minimum`..`maximum`. */
function durationsOf(p: JsonRecord | null): number[] | null {
  if (!p) return null;
  const listed = choices(p).map(Number).filter((n) => Number.isInteger(n) && n > 0);
  if (listed.length) return listed.sort((a, b) => a - b);
  const min = num(p.minimum);
  const max = num(p.maximum);
  if (min === null || max === null || max < min) return null;
  const inRange = COMMON_DURATIONS.filter((d) => d >= min && d <= max);
  return [...new Set([Math.ceil(min), ...inRange, Math.floor(max)])].filter((d) => d >= min && d <= max).sort((a, b) => a - b);
}

function pick<T>(wanted: T | null | undefined, list: readonly T[], fallback: T | undefined): T {
  if (wanted !== null && wanted !== undefined && list.includes(wanted)) return wanted;
  return fallback !== undefined && list.includes(fallback) ? fallback : list[0]!;
}

/** `pricing {amount, currency, unit}` as USD per second of video, when the unit allows it ([U] units from the SDK's PricingUnit enum). */
function pricePerSecond(pricing: unknown): number | null {
  const amount = num(at(pricing, "amount"));
  if (amount === null || str(at(pricing, "currency"))?.toUpperCase() !== "USD") return null;
  const unit = str(at(pricing, "unit"))?.toLowerCase();
  if (unit === "second" || unit === "video_second") return amount;
  if (unit === "5 seconds") return amount / 5;
  if (unit === "minute") return amount / 60;
  return null;
}
