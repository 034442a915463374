/**
 * First-load JavaScript of the studio page `/` for a signed-in person: every `<script src>` its
 * HTML references (bar `nomodule` polyfills), each fetched and gzipped (zlib, default level 6), summed. What a first visit
 * downloads before the page is interactive.
 */
import zlib from "node:zlib";
import type { Studio } from "./studio-server";
import { round, type Measurement } from "./util";

export const TARGET_KB = 180;

/** One script of a first load: its name, its size and its gzipped size. */
export interface LoadedScript {
  name: string;
  raw: number;
  gzip: number;
}

export function loadedScript(name: string, raw: Buffer): LoadedScript {
  return { name, raw: raw.length, gzip: zlib.gzipSync(raw).length };
}

/** The measurement for these scripts: their gzipped sum against the target, with the five largest named. */
export function firstLoadMeasurement(base: Omit<Measurement, "value" | "pass" | "details">, chunks: LoadedScript[], details: Record<string, unknown> = {}): Measurement {
  const gzipKb = chunks.reduce((s, c) => s + c.gzip, 0) / 1000;
  const largest = [...chunks].sort((a, b) => b.gzip - a.gzip).slice(0, 5);
  return {
    ...base,
    value: round(gzipKb, 1),
    pass: gzipKb <= TARGET_KB,
    details: {
      ...details,
      scripts: chunks.length,
      rawKB: round(chunks.reduce((s, c) => s + c.raw, 0) / 1000, 1),
      largestGzipKB: largest.map((c) => `${c.name}:${round(c.gzip / 1000, 1)}`),
      kB: "1000 bytes",
    },
  };
}

/**
 * The `src` of every `<script>` in the HTML, except `nomodule` ones (Next's legacy polyfills): a
 * browser that runs modules never downloads those.
 */
function scriptSources(html: string): string[] {
  const srcs = [...html.matchAll(/<script\b[^>]*>/gi)]
    .map((m) => m[0])
    .filter((tag) => !/\snomodule\b/i.test(tag))
    .map((tag) => /\ssrc="([^"]+)"/.exec(tag)?.[1]?.replaceAll("&amp;", "&"))
    .filter((src): src is string => !!src);
  return [...new Set(srcs)];
}

export const firstLoadJsMeasure = { id: "first_load_js_studio", name: "First-load JS of the studio page / (gzip)", unit: "kB", target: `<= ${TARGET_KB} kB` };

export async function benchFirstLoadJs(studio: Studio): Promise<Measurement> {
  const base = firstLoadJsMeasure;
  try {
    const res = await fetch(`${studio.app.url}/`, { headers: { cookie: studio.cookie }, redirect: "manual" });
    if (res.status !== 200) throw new Error(`GET / answered ${res.status} (location: ${res.headers.get("location")}): not signed in?`);
    const html = await res.text();
    if (!html.includes('aria-label="Composer"')) throw new Error("GET / did not render the composer: is this the studio page?");
    const chunks = await Promise.all(
      scriptSources(html).map(async (src) => {
        const url = new URL(src, studio.app.url);
        const r = await fetch(url);
        if (!r.ok) throw new Error(`GET ${url.pathname} answered ${r.status}`);
        return loadedScript(url.pathname.split("/").pop()!, Buffer.from(await r.arrayBuffer()));
      }),
    );
    if (!chunks.length) throw new Error("the HTML of / references no <script src>");
    return firstLoadMeasurement(base, chunks);
  } catch (err) {
    return { ...base, value: null, pass: false, details: {}, error: String(err) };
  }
}
