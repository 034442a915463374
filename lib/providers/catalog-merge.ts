/**
 * A provider's own model list merged with Dailies' built-in data. Pure: the refresh, the stored
 * copy and the tests all go through it.
 *
 * - What the model accepts comes from the provider's list (modes, durations, aspect ratios,
 *   resolutions, fps, negative prompt, seed, prompt length, options): that is what drifts.
 * - What a person reads comes from the built-in data where it has it (label, description, price,
 *   typical wait): the list rarely has it, or has it less carefully.
 * - A model only the provider lists joins the family its id names (a route like any other), or is its own.
 * - A model the provider no longer lists is hidden from the composer but still resolves, so old
 *   jobs keep their name and their page and jobs in flight finish: a built-in one (unless marked
 *   `listed: false`, a model the list never shows) and one only an earlier list had ("retired").
 */
import { z } from "zod";
import { matchFamily } from "../models/match-family";
import { priceOf } from "../models/route";
import { ASPECT_RATIOS, type ModelSpec } from "./types";

export interface MergedCatalog {
  /** Every model, offered or hidden, by id. */
  models: ModelSpec[];
  /** Ids of models the provider's list leaves out. */
  hidden: Set<string>;
}

/** A provider's stored list: the models it lists now, and those earlier lists had that it dropped since. */
export interface DiscoveredCatalog {
  listed: readonly ModelSpec[];
  retired: readonly ModelSpec[];
}

/** How many dropped models a provider's stored copy remembers (for old jobs' names). */
export const MAX_RETIRED = 200;

/** Built-in data only: no list fetched yet, or the provider does not list its models. */
export function builtInOnly(builtIn: readonly ModelSpec[]): MergedCatalog {
  return { models: [...builtIn], hidden: new Set() };
}

export function mergeCatalog(builtIn: readonly ModelSpec[], discovered: DiscoveredCatalog | null): MergedCatalog {
  if (!discovered) return builtInOnly(builtIn);
  const listed = new Map(discovered.listed.map((m) => [m.id, m]));
  const known = new Set(builtIn.map((m) => m.id));
  const retired = discovered.retired.filter((m) => !known.has(m.id) && !listed.has(m.id));
  // Built-in models keep their curated order; models only the provider knows follow in its order.
  const models = [
    ...builtIn.map((m) => (listed.has(m.id) ? mergeModel(m, listed.get(m.id)!) : m)),
    ...discovered.listed.filter((m) => !known.has(m.id)).map((m) => mergeModel(undefined, m)),
    ...retired.map((m) => mergeModel(undefined, m)),
  ];
  const hidden = [...builtIn.filter((m) => !listed.has(m.id) && m.listed !== false), ...retired];
  return { models, hidden: new Set(hidden.map((m) => m.id)) };
}

/** The dropped models a new copy remembers: those the previous copy listed or remembered that the new list leaves out, most recently listed first. */
export function retiredAfter(previous: DiscoveredCatalog | null, listed: readonly ModelSpec[]): ModelSpec[] {
  const now = new Set(listed.map((m) => m.id));
  const seen = new Set<string>();
  const out: ModelSpec[] = [];
  for (const m of [...(previous?.listed ?? []), ...(previous?.retired ?? [])]) {
    if (now.has(m.id) || seen.has(m.id)) continue;
    seen.add(m.id);
    out.push(m);
  }
  return out.slice(0, MAX_RETIRED);
}

export function mergeModel(builtIn: ModelSpec | undefined, found: ModelSpec): ModelSpec {
  if (!builtIn) return withValidDefaults(withFamily(found), found);
  const hasPrice = priceOf(builtIn).kind !== "unknown";
  const priced = hasPrice ? builtIn : found;
  const merged: ModelSpec = {
    ...builtIn,
    ...found,
    id: builtIn.id,
    provider: builtIn.provider,
    // The family is Dailies' own knowledge; a list only names its model.
    ...(builtIn.family ?? found.family ? { family: builtIn.family ?? found.family } : {}),
    engine: builtIn.engine,
    label: builtIn.label || found.label,
    description: builtIn.description || found.description,
    price: priceOf(priced),
    pricePerSecondUsd: priced.pricePerSecondUsd,
    priceReadOn: priced.priceReadOn,
    typicalLatencySeconds: builtIn.typicalLatencySeconds,
    // A list that says nothing about options (undefined) leaves the built-in ones; an empty list removes them.
    options: found.options !== undefined ? found.options : builtIn.options,
  };
  return withValidDefaults(merged, builtIn);
}

/**
 * A model only the provider's list knows joins the family its id or name says (lib/models/match-family.ts),
 * so it is one more route of that model for pickers and fallback; its own lists stay its capabilities.
 */
function withFamily(found: ModelSpec): ModelSpec {
  const family = found.family ?? matchFamily(found.providerModel, found.label);
  return family ? { ...found, family } : found;
}

/** Defaults inside the lists: the curated one where still allowed, else the provider's, else the first. */
function withValidDefaults(spec: ModelSpec, preferred: ModelSpec): ModelSpec {
  const pick = <T>(list: readonly T[], ...wanted: T[]): T => wanted.find((w) => list.includes(w)) ?? list[0]!;
  const d = spec.defaults;
  const p = preferred.defaults;
  return {
    ...spec,
    defaults: {
      durationSeconds: pick(spec.durations, p.durationSeconds, d.durationSeconds),
      aspectRatio: pick(spec.aspectRatios, p.aspectRatio, d.aspectRatio),
      resolution: pick(spec.resolutions, p.resolution, d.resolution),
      fps: pick(spec.fps, p.fps, d.fps),
    },
  };
}

const nonEmpty = <T extends z.ZodType>(item: T) => z.array(item).min(1);
const optionSpec = z.discriminatedUnion("kind", [
  z.object({ key: z.string().min(1), label: z.string().min(1), description: z.string().optional(), kind: z.literal("boolean"), default: z.boolean() }),
  z
    .object({
      key: z.string().min(1),
      label: z.string().min(1),
      description: z.string().optional(),
      kind: z.literal("choice"),
      choices: nonEmpty(z.string()),
      default: z.string(),
    })
    .refine((o) => o.choices.includes(o.default), "its default is not one of its choices"),
]);

const usd = z.number().nonnegative();
const priceRule = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("per_second"),
    usd,
    byResolution: z.record(z.string(), usd).optional(),
    withoutAudioUsd: usd.optional(),
    minSeconds: z.number().positive().optional(),
  }),
  z.object({ kind: z.literal("per_request"), usd }),
  z.object({ kind: z.literal("unknown") }),
]);

/**
 * What a usable spec looks like, for lists from a provider and copies read back from the
 * database (written by an older version, perhaps). Unknown fields (an adapter's own wire data)
 * pass through untouched.
 */
const specSchema = z.looseObject({
  id: z.string().min(1),
  provider: z.string().min(1),
  engine: z.enum(["ai", "preview"]),
  imageInput: z.enum(["inline", "upload", "url"]).optional(),
  listed: z.boolean().optional(),
  options: z.array(optionSpec).optional(),
  providerModel: z.string().min(1),
  label: z.string(),
  description: z.string(),
  modes: nonEmpty(z.enum(["text", "image"])),
  durations: nonEmpty(z.number().positive()),
  aspectRatios: nonEmpty(z.enum(ASPECT_RATIOS)),
  resolutions: nonEmpty(z.string().min(1)),
  fps: nonEmpty(z.number().positive()),
  defaults: z.object({ durationSeconds: z.number(), aspectRatio: z.enum(ASPECT_RATIOS), resolution: z.string(), fps: z.number() }),
  negativePrompt: z.boolean(),
  seed: z.boolean(),
  maxPromptLength: z.number().int().positive(),
  family: z.string().min(1).optional(),
  price: priceRule.optional(),
  pricePerSecondUsd: z.number().nonnegative().nullable(),
  creditUsd: z.number().nonnegative().optional(),
  priceReadOn: z.string(),
  typicalLatencySeconds: z.number().positive(),
});

/**
 * The usable entries of a provider's list: its own ids (`<provider>:…`), well-formed, each once.
 * Returns the specs and one sentence per entry left out.
 */
export function usableSpecs(providerId: string, list: readonly unknown[]): { specs: ModelSpec[]; dropped: string[] } {
  const specs: ModelSpec[] = [];
  const dropped: string[] = [];
  const seen = new Set<string>();
  for (const entry of list) {
    const parsed = specSchema.safeParse(entry);
    const id = parsed.success ? parsed.data.id : String((entry as { id?: unknown } | null)?.id ?? "(no id)");
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      dropped.push(`${id}: ${issue?.path.join(".") || "entry"} ${issue?.message ?? "is not valid"}`);
    } else if (parsed.data.provider !== providerId || !id.startsWith(`${providerId}:`)) {
      dropped.push(`${id}: not one of ${providerId}'s model ids`);
    } else if (seen.has(id)) {
      dropped.push(`${id}: listed twice`);
    } else {
      seen.add(id);
      specs.push(parsed.data as unknown as ModelSpec);
    }
  }
  return { specs, dropped };
}
