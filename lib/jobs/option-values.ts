/** A model's typed option values, fitted to its ModelSpec.options. Pure and dependency-free: the composer runs it in the browser. */
import type { ModelOptionSpec, ModelOptionValues } from "../providers/types";

/** Every option at its default. */
export function optionDefaults(options: readonly ModelOptionSpec[] | undefined): ModelOptionValues {
  return Object.fromEntries((options ?? []).map((o) => [o.key, o.default]));
}

/** `value` if it is valid for the option, else undefined. */
export function validOptionValue(option: ModelOptionSpec, value: unknown): string | boolean | undefined {
  if (option.kind === "boolean") return typeof value === "boolean" ? value : value === "true" ? true : value === "false" ? false : undefined;
  const text = typeof value === "number" ? String(value) : value;
  return typeof text === "string" && option.choices.includes(text) ? text : undefined;
}

/** The options kept from `values` (a remixed job's, say) where this model has them, the rest at its defaults. */
export function fitOptions(options: readonly ModelOptionSpec[] | undefined, values: Record<string, unknown> | null | undefined): ModelOptionValues {
  return Object.fromEntries((options ?? []).map((o) => [o.key, validOptionValue(o, values?.[o.key]) ?? o.default]));
}
