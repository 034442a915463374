/**
 * First-load JavaScript of a route read from the build itself, no server needed: the route's
 * bootstrap scripts (`server/app/<route>/page/build-manifest.json`: rootMainFiles) plus the entry
 * chunks of the page and every layout above it (`page_client-reference-manifest.js`: entryJSFiles),
 * each read from `.next/static` and gzipped (zlib level 6), summed. It cross-checks the fetched
 * measure (first-load-js.ts), which counts what the rendered HTML asks for.
 */
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { firstLoadMeasurement, loadedScript, TARGET_KB } from "./first-load-js";
import type { Measurement } from "./util";

export const firstLoadManifestMeasure = {
  id: "first_load_js_studio_manifest",
  name: "First-load JS of the studio page / from the build manifests (gzip)",
  unit: "kB",
  target: `<= ${TARGET_KB} kB`,
};

/** The layouts and page an App Router route renders, outermost first: "/(studio)/page" → app/layout, app/(studio)/layout, app/(studio)/page. */
function segmentEntries(route: string): string[] {
  const parts = route.replace(/\/page$/, "").split("/").filter(Boolean);
  const layouts = parts.map((_, i) => `[project]/app/${parts.slice(0, i + 1).join("/")}/layout`);
  return ["[project]/app/layout", ...layouts, `[project]/app/${[...parts, "page"].join("/")}`];
}

/** The JS files (relative to `.next/`) a first visit to `route` loads, in no particular order. */
export function firstLoadFiles(nextDir: string, route: string): string[] {
  const pageDir = path.join(nextDir, "server", "app", ...route.replace(/\/page$/, "").split("/").filter(Boolean));
  const build = JSON.parse(fs.readFileSync(path.join(pageDir, "page", "build-manifest.json"), "utf8")) as { rootMainFiles?: string[] };
  // The manifest is a script that assigns globalThis.__RSC_MANIFEST[route]; run it in an empty context.
  const sandbox: { globalThis?: unknown; __RSC_MANIFEST?: Record<string, { entryJSFiles?: Record<string, string[]> }> } = {};
  sandbox.globalThis = sandbox;
  vm.runInNewContext(fs.readFileSync(path.join(pageDir, "page_client-reference-manifest.js"), "utf8"), sandbox, { timeout: 2_000 });
  const entries = sandbox.__RSC_MANIFEST?.[route]?.entryJSFiles;
  if (!entries) throw new Error(`the client reference manifest has no entryJSFiles for ${route}`);
  const wanted = segmentEntries(route).filter((key) => key in entries);
  if (!wanted.some((key) => key.endsWith("/page"))) throw new Error(`the client reference manifest has no entry for the page of ${route}`);
  return [...new Set([...(build.rootMainFiles ?? []), ...wanted.flatMap((key) => entries[key] ?? [])])];
}

export function benchFirstLoadFromManifests(nextDir: string, route = "/(studio)/page"): Measurement {
  const base = firstLoadManifestMeasure;
  try {
    if (!fs.existsSync(path.join(nextDir, "BUILD_ID"))) throw new Error(`no production build in ${nextDir} (run \`npx next build\` first)`);
    const chunks = firstLoadFiles(nextDir, route).map((file) => loadedScript(path.basename(file), fs.readFileSync(path.join(nextDir, file))));
    return firstLoadMeasurement(base, chunks, { route });
  } catch (err) {
    return { ...base, value: null, pass: false, details: { route }, error: String(err) };
  }
}
