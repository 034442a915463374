/**
 * A small JSON Schema (2020-12) checker for the subset zod's toJSONSchema emits: type, properties,
 * required, additionalProperties, items, enum, const, anyOf/oneOf/allOf, number and string bounds,
 * and $ref into the document's components. Returns what is wrong, by JSON path; empty means valid.
 */
type Schema = Record<string, unknown> | boolean;

export function checkJson(value: unknown, schema: Schema, root: Record<string, unknown>, path = "$"): string[] {
  if (schema === true) return [];
  if (schema === false) return [`${path}: no value is allowed here`];
  const s = schema;
  if (typeof s.$ref === "string") return checkJson(value, resolve(s.$ref, root), root, path);
  const errors: string[] = [];

  if (s.type !== undefined) {
    const types = Array.isArray(s.type) ? (s.type as string[]) : [s.type as string];
    if (!types.some((t) => isType(value, t))) return [`${path}: expected ${types.join(" or ")}, got ${JSON.stringify(value)?.slice(0, 80)}`];
  }
  if (s.const !== undefined && value !== s.const) errors.push(`${path}: expected ${JSON.stringify(s.const)}`);
  if (Array.isArray(s.enum) && !s.enum.includes(value as never)) errors.push(`${path}: ${JSON.stringify(value)} is not one of ${JSON.stringify(s.enum)}`);
  if (typeof value === "number") {
    if (typeof s.minimum === "number" && value < s.minimum) errors.push(`${path}: below ${s.minimum}`);
    if (typeof s.maximum === "number" && value > s.maximum) errors.push(`${path}: above ${s.maximum}`);
  }
  if (typeof value === "string") {
    if (typeof s.minLength === "number" && value.length < s.minLength) errors.push(`${path}: shorter than ${s.minLength}`);
    if (typeof s.maxLength === "number" && value.length > s.maxLength) errors.push(`${path}: longer than ${s.maxLength}`);
  }
  if (Array.isArray(s.allOf)) for (const sub of s.allOf as Schema[]) errors.push(...checkJson(value, sub, root, path));
  if (Array.isArray(s.anyOf) && !(s.anyOf as Schema[]).some((sub) => checkJson(value, sub, root, path).length === 0))
    errors.push(`${path}: matches none of anyOf (${(s.anyOf as Schema[]).map((sub) => checkJson(value, sub, root, path)[0]).join(" | ")})`);
  if (Array.isArray(s.oneOf)) {
    const matching = (s.oneOf as Schema[]).filter((sub) => checkJson(value, sub, root, path).length === 0).length;
    if (matching !== 1) errors.push(`${path}: matches ${matching} of oneOf, not exactly one`);
  }
  if (Array.isArray(value) && s.items !== undefined) value.forEach((item, i) => errors.push(...checkJson(item, s.items as Schema, root, `${path}[${i}]`)));
  if (isType(value, "object")) {
    const obj = value as Record<string, unknown>;
    const props = (s.properties ?? {}) as Record<string, Schema>;
    for (const name of (s.required as string[] | undefined) ?? []) if (!(name in obj)) errors.push(`${path}.${name}: required`);
    for (const [name, v] of Object.entries(obj)) {
      if (name in props) errors.push(...checkJson(v, props[name]!, root, `${path}.${name}`));
      else if (s.additionalProperties === false) errors.push(`${path}.${name}: not in the schema`);
      else if (typeof s.additionalProperties === "object") errors.push(...checkJson(v, s.additionalProperties as Schema, root, `${path}.${name}`));
    }
  }
  return errors;
}

function isType(value: unknown, type: string): boolean {
  switch (type) {
    case "null":
      return value === null;
    case "object":
      return typeof value === "object" && value !== null && !Array.isArray(value);
    case "array":
      return Array.isArray(value);
    case "integer":
      return Number.isInteger(value);
    case "number":
      return typeof value === "number" && Number.isFinite(value);
    default:
      return typeof value === type;
  }
}

function resolve(ref: string, root: Record<string, unknown>): Schema {
  if (!ref.startsWith("#/")) throw new Error(`only local $refs are supported: ${ref}`);
  let node: unknown = root;
  for (const part of ref.slice(2).split("/")) node = (node as Record<string, unknown> | undefined)?.[decodeURIComponent(part.replace(/~1/g, "/").replace(/~0/g, "~"))];
  if (node === undefined) throw new Error(`unresolved $ref ${ref}`);
  return node as Schema;
}
