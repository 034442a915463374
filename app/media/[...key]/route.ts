import { Readable } from "node:stream";
import { parseRange } from "@/lib/http/range";
import { storage } from "@/lib/storage";
import { contentTypeFor, isValidKey } from "@/lib/storage/keys";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ key: string[] }> };

/** Stored videos, posters and uploads, with Range (206/416), ETag and long caching (keys never change content). */
async function serve(req: Request, { params }: Params, withBody: boolean): Promise<Response> {
  const key = (await params).key.join("/");
  if (!isValidKey(key)) return new Response("Not found", { status: 404 });
  const st = await storage().stat(key);
  if (!st) return new Response("Not found", { status: 404 });

  const etag = `"${st.size.toString(36)}-${Math.floor(st.mtimeMs).toString(36)}"`;
  const headers: Record<string, string> = {
    "content-type": contentTypeFor(key),
    "accept-ranges": "bytes",
    etag,
    "cache-control": "private, max-age=31536000, immutable",
    "x-content-type-options": "nosniff",
  };
  if (req.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });

  const ifRange = req.headers.get("if-range");
  const range = ifRange && ifRange !== etag ? { kind: "none" as const } : parseRange(req.headers.get("range"), st.size);
  if (range.kind === "unsatisfiable")
    return new Response(null, { status: 416, headers: { ...headers, "content-range": `bytes */${st.size}` } });

  const slice = range.kind === "range" ? { start: range.start, end: range.end } : undefined;
  const length = slice ? slice.end - slice.start + 1 : st.size;
  headers["content-length"] = String(length);
  if (slice) headers["content-range"] = `bytes ${slice.start}-${slice.end}/${st.size}`;
  const status = slice ? 206 : 200;
  if (!withBody || length === 0) return new Response(null, { status, headers });

  const file = await storage().open(key, slice);
  if (!file) return new Response("Not found", { status: 404 });
  return new Response(Readable.toWeb(file.stream) as ReadableStream, { status, headers });
}

export function GET(req: Request, ctx: Params): Promise<Response> {
  return serve(req, ctx, true);
}

export function HEAD(req: Request, ctx: Params): Promise<Response> {
  return serve(req, ctx, false);
}
