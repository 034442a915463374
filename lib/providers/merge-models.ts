/**
 * A provider's own list of models merged with Dailies' built-in data. The provider says what it
 * accepts (modes, durations, sizes, options); the built-in entry keeps what a person reads
 * (label, description, price, typical wait), which a models list rarely carries well.
 */
import type { ModelSpec } from "./types";

export function mergeDiscovered(builtIn: readonly ModelSpec[], discovered: readonly ModelSpec[]): ModelSpec[] {
  const known = new Map(builtIn.map((m) => [m.id, m]));
  return discovered.map((d) => {
    const b = known.get(d.id);
    if (!b) return d;
    return {
      ...d,
      engine: b.engine,
      label: b.label,
      description: b.description,
      pricePerSecondUsd: b.pricePerSecondUsd ?? d.pricePerSecondUsd,
      priceReadOn: b.pricePerSecondUsd === null ? d.priceReadOn : b.priceReadOn,
      typicalLatencySeconds: b.typicalLatencySeconds,
      imageInput: d.imageInput ?? b.imageInput,
      options: d.options ?? b.options,
    };
  });
}

/** Whether a stored or discovered entry is a usable spec of this provider (a bad row must not break the catalog). */
export function isSpecOf(providerId: string, value: unknown): value is ModelSpec {
  if (!value || typeof value !== "object") return false;
  const m = value as Partial<ModelSpec>;
  return (
    typeof m.id === "string" &&
    m.id.startsWith(`${providerId}:`) &&
    m.provider === providerId &&
    typeof m.label === "string" &&
    Array.isArray(m.modes) &&
    m.modes.length > 0 &&
    Array.isArray(m.durations) &&
    m.durations.length > 0 &&
    Array.isArray(m.aspectRatios) &&
    Array.isArray(m.resolutions) &&
    Array.isArray(m.fps) &&
    typeof m.defaults === "object" &&
    m.defaults !== null
  );
}
