import "server-only";
import { Readable } from "node:stream";
import { storage } from "../storage";
import { contentTypeFor } from "../storage/keys";
import { lengthHeaders } from "./media-length";
import { parseRange } from "./range";

export const notFound = () => new Response("Not found", { status: 404, headers: { "cache-control": "no-store" } });

/**
 * A stored file with Range (206/416), If-Range, ETag/304 and HEAD. The caller has already
 * decided the asker may see it, and picks the caching that fits (owner media is immutable;
 * shared media revalidates so a revoked link stops at once).
 */
export async function serveStoredFile(
  req: Request,
  key: string,
  opts: { withBody: boolean; cacheControl: string; extraHeaders?: Record<string, string> },
): Promise<Response> {
  const st = await storage().stat(key);
  if (!st) return notFound();

  const etag = `"${st.size.toString(36)}-${Math.floor(st.mtimeMs).toString(36)}"`;
  const headers: Record<string, string> = {
    "content-type": contentTypeFor(key),
    "accept-ranges": "bytes",
    etag,
    "cache-control": opts.cacheControl,
    "x-content-type-options": "nosniff",
    ...opts.extraHeaders,
  };
  if (req.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });

  const ifRange = req.headers.get("if-range");
  const range = ifRange && ifRange !== etag ? { kind: "none" as const } : parseRange(req.headers.get("range"), st.size);
  if (range.kind === "unsatisfiable")
    return new Response(null, { status: 416, headers: { ...headers, "content-range": `bytes */${st.size}` } });

  const slice = range.kind === "range" ? { start: range.start, end: range.end } : undefined;
  const length = slice ? slice.end - slice.start + 1 : st.size;
  Object.assign(headers, lengthHeaders(length));
  if (slice) headers["content-range"] = `bytes ${slice.start}-${slice.end}/${st.size}`;
  const status = slice ? 206 : 200;
  if (!opts.withBody || length === 0) return new Response(null, { status, headers });

  const file = await storage().open(key, slice);
  if (!file) return notFound();
  return new Response(Readable.toWeb(file.stream) as ReadableStream, { status, headers });
}
