/** A model's typed options (ModelSpec.options) as zod, for the request schema: a boolean or one of a list of choices, each with its default. */
import { z } from "zod";
import type { ModelOptionSpec, ModelOptionValues, ModelSpec } from "../providers/types";
import { optionDefaults } from "./option-values";

function quoted(values: readonly string[]): string {
  const items = values.map((v) => `"${v}"`);
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} or ${items.at(-1)}`;
}

function valueSchema(option: ModelOptionSpec, modelName: string) {
  const named = `${option.label} (${option.key})`;
  if (option.kind === "boolean") {
    return z.preprocess(
      (v) => (v === "true" ? true : v === "false" ? false : v),
      z.boolean({ error: `${named} must be true or false.` }),
    );
  }
  return z.preprocess(
    (v) => (typeof v === "number" ? String(v) : v),
    z.enum(option.choices as [string, ...string[]], { error: `${named} must be one of ${quoted(option.choices)} for ${modelName}.` }),
  );
}

/** A JSON string (multipart's `options` field) becomes its object; blanks become absent. */
function fromJsonString(v: unknown): unknown {
  if (v === "" || v === null || v === undefined) return undefined;
  if (typeof v !== "string") return v;
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}

/**
 * `options` of a request for this model: an object (or a JSON string of one) holding only the
 * model's option keys with values of the right type. Missing keys take their defaults; the
 * result is the full set of values, or undefined for a model without options.
 */
export function optionsSchemaFor(spec: Pick<ModelSpec, "label" | "options">) {
  const options = spec.options ?? [];
  const name = spec.label;
  const shape = Object.fromEntries(options.map((o) => [o.key, valueSchema(o, name).optional()]));
  const known = options.length ? `; it takes ${quoted(options.map((o) => o.key))}` : "";
  const object = z.strictObject(shape, {
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? `${name} has no option ${quoted(issue.keys)}${known}.`
        : `options must be an object of option values, e.g. {"${options[0]?.key ?? "name"}": ${JSON.stringify(options[0]?.default ?? true)}}.`,
  });
  return z.preprocess(fromJsonString, object.optional()).transform((given) => {
    if (options.length === 0) return undefined;
    const values: ModelOptionValues = optionDefaults(options);
    for (const [key, value] of Object.entries(given ?? {})) if (value !== undefined) values[key] = value as string | boolean;
    return values;
  });
}
