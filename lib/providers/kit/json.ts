/** Small readers for untrusted provider JSON: no casts at the call sites. */

export type JsonRecord = Record<string, unknown>;

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A non-empty string, or null. */
export function str(value: unknown): string | null {
  return typeof value === "string" && value.length > 0 ? value : null;
}

/** A finite number (numeric strings too), or null. */
export function num(value: unknown): number | null {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) return Number(value);
  return null;
}

/** Follows a path of keys through nested records: `at(body, "error", "message")`. */
export function at(value: unknown, ...path: string[]): unknown {
  let cur = value;
  for (const key of path) {
    if (!isRecord(cur)) return undefined;
    cur = cur[key];
  }
  return cur;
}

/** The first http(s) URL among the values (strings, arrays of strings, `{url}` records), or null. */
export function firstHttpUrl(...values: unknown[]): string | null {
  for (const v of values) {
    const found = Array.isArray(v) ? firstHttpUrl(...v) : isRecord(v) ? firstHttpUrl(v.url) : httpUrl(v);
    if (found) return found;
  }
  return null;
}

export function httpUrl(value: unknown): string | null {
  if (typeof value !== "string") return null;
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:" ? url.toString() : null;
  } catch {
    return null;
  }
}
