declare module "js-yaml" {
  /** Parses one YAML document (js-yaml 4, installed with @eslint/eslintrc). */
  export function load(text: string): unknown;
}
