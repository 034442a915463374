/** Typed model options as a multipart form carries them (see README, "Model options"). */
const OPTION_PREFIX = "options.";

/**
 * A form's options: `options.<key>` fields, over an `options` field holding a JSON object.
 * A JSON string that is not an object stays as it is, for the schema to refuse in words.
 */
export function formOptions(form: FormData, json: unknown): unknown {
  const dotted: Record<string, string> = {};
  for (const [name, value] of form.entries()) if (name.startsWith(OPTION_PREFIX) && typeof value === "string") dotted[name.slice(OPTION_PREFIX.length)] = value;
  if (Object.keys(dotted).length === 0) return json;
  let base: unknown = {};
  if (typeof json === "string" && json.trim()) {
    try {
      base = JSON.parse(json);
    } catch {
      return json;
    }
  }
  return base && typeof base === "object" && !Array.isArray(base) ? { ...base, ...dotted } : json;
}
