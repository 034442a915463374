declare module "js-yaml" {
  /** Parses one YAML document (js-yaml 4, a devDependency; it ships no types of its own). */
  export function load(text: string): unknown;
}
