/**
 * Calls a server action of the running production server over HTTP, as the browser's React runtime
 * does: `POST` to a page that uses it, with the `Next-Action` id from the build's manifest and the
 * arguments in React's reply encoding (JSON, or multipart when an argument is a FormData).
 * For tests that must fire many requests at once, which a browser cannot do on cue.
 */
import fs from "node:fs";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../..");

interface ManifestEntry {
  workers: Record<string, unknown>;
  filename: string;
  exportedName: string;
}

let manifest: Record<string, ManifestEntry> | null = null;

function entries(): Record<string, ManifestEntry> {
  manifest ??= (JSON.parse(fs.readFileSync(path.join(ROOT, ".next/server/server-reference-manifest.json"), "utf8")) as { node: Record<string, ManifestEntry> }).node;
  return manifest;
}

/** The action's id and a page route that bundles it (`app/(studio)/settings/page` -> `/settings`). */
function locate(file: string, name: string): { id: string; page: string } {
  for (const [id, e] of Object.entries(entries())) {
    if (e.filename !== file || e.exportedName !== name) continue;
    const worker = Object.keys(e.workers).find((w) => w.startsWith("app/") && w.endsWith("/page"));
    if (!worker) break;
    const page = worker
      .slice("app".length, -"/page".length)
      .split("/")
      .filter((s) => s && !/^\(.*\)$/.test(s))
      .map((s) => (s.startsWith("[") ? "x" : s))
      .join("/");
    return { id, page: `/${page}` };
  }
  throw new Error(`No server action ${name} from ${file} in the build: rebuild with \`npx next build\`.`);
}

export interface ActionAnswer {
  status: number;
  /** The action's return value, when it returned one (an ActionResult); null when it redirected or threw. */
  value: unknown;
  /** Where the action redirected, if it did. */
  redirect: string | null;
}

/**
 * Calls `name` exported from `file` (relative to the repo, e.g. "lib/actions/api-tokens.ts") with `args`.
 * `headers` carries who is asking (a session cookie or `authorization: Bearer …`).
 */
export async function callAction(url: string, file: string, name: string, args: unknown[], headers: Record<string, string> = {}): Promise<ActionAnswer> {
  const { id, page } = locate(file, name);
  const form = args.some((a) => a instanceof FormData);
  let body: string | FormData;
  if (form) {
    // React's reply encoding (React 19.3): each FormData argument becomes "$K<n>" and its fields "_<n>_<name>".
    const data = new FormData();
    let next = 1;
    const root = args.map((a) => {
      if (!(a instanceof FormData)) return a;
      const ref = next++;
      for (const [k, v] of a.entries()) data.append(`_${ref}_${k}`, v);
      return `$K${ref.toString(16)}`;
    });
    data.set("0", JSON.stringify(root));
    body = data;
  } else {
    body = JSON.stringify(args);
  }
  const res = await fetch(url + page, {
    method: "POST",
    redirect: "manual",
    headers: {
      accept: "text/x-component",
      "next-action": id,
      origin: url,
      ...(form ? {} : { "content-type": "text/plain;charset=UTF-8" }),
      ...headers,
    },
    body,
  });
  const text = await res.text();
  const redirect = res.headers.get("x-action-redirect");
  return { status: res.status, value: redirect ? null : returnValue(text), redirect: redirect ? redirect.split(";")[0]! : null };
}

/** The flight payload's root row (`0:{"a":"$@1",…}`) points at the row holding the returned value. */
function returnValue(payload: string): unknown {
  const rows = new Map<string, string>();
  for (const line of payload.split("\n")) {
    const m = line.match(/^([0-9a-f]+):(.*)$/);
    if (m) rows.set(m[1]!, m[2]!);
  }
  const root = rows.get("0");
  if (!root) return null;
  const ref = (JSON.parse(root) as { a?: unknown }).a;
  if (typeof ref !== "string" || !ref.startsWith("$@")) return ref ?? null;
  const row = rows.get(ref.slice(2));
  return row === undefined ? null : (JSON.parse(row) as unknown);
}
