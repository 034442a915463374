/** Every route handler under app/api, found by walking the folder: its OpenAPI path template and the methods it exports. */
import fs from "node:fs";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../..");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

export interface ApiRoute {
  path: string;
  methods: string[];
  file: string;
}

export function apiRoutes(dir = path.join(ROOT, "app/api")): ApiRoute[] {
  const out: ApiRoute[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...apiRoutes(full));
    else if (/^route\.(ts|tsx|js)$/.test(entry.name)) {
      const source = fs.readFileSync(full, "utf8");
      const methods = METHODS.filter((m) => new RegExp(`export\\s+(async\\s+)?function\\s+${m}\\b|export\\s+const\\s+${m}\\b|export\\s*\\{[^}]*\\b${m}\\b`).test(source));
      const rel = path.relative(path.join(ROOT, "app"), path.dirname(full)).split(path.sep);
      // route groups "(x)" are not in the URL; [id] and [...key] become {id} and {key}
      const segments = rel.filter((s) => !/^\(.*\)$/.test(s)).map((s) => s.replace(/^\[\.\.\.(.+)\]$/, "{$1}").replace(/^\[(.+)\]$/, "{$1}"));
      out.push({ path: `/${segments.join("/")}`, methods, file: path.relative(ROOT, full) });
    }
  }
  return out;
}
