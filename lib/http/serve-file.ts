import "server-only";
import { Readable } from "node:stream";
import { mediaDelivery, storage } from "../storage";
import { contentTypeFor } from "../storage/keys";
import { RangeNotSatisfiableError, type Storage } from "../storage/types";
import { lengthHeaders } from "./media-length";
import { parseRange } from "./range";

export const notFound = () => new Response("Not found", { status: 404, headers: { "cache-control": "no-store" } });

/** How a presigned URL for this file may be handed out. */
export interface Presign {
  ttlSeconds: number;
  /** Whether the browser may reuse the redirect itself; a revocable link must ask us every time. */
  cacheRedirect: boolean;
}

interface ServeOptions {
  withBody: boolean;
  cacheControl: string;
  extraHeaders?: Record<string, string>;
  /** Absent: always streamed through us. */
  presign?: Presign;
  /** Served as an attachment with this file name (the Download button), not shown inline. */
  downloadAs?: string;
}

/** RFC 6266: an ASCII fallback for old clients plus the exact UTF-8 name. */
export function attachment(fileName: string): string {
  const ascii = fileName.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * A stored file, once the caller has decided the asker may see it. When the store signs URLs and
 * MEDIA_DELIVERY allows it, a GET is redirected to a short-lived presigned URL and the bucket
 * answers the Range itself; otherwise (and for HEAD, which a GET signature does not cover) we
 * stream it with Range (206/416), If-Range, ETag/304. The caller picks the caching that fits
 * (owner media is immutable; shared media revalidates so a revoked link stops at once).
 */
export async function serveStoredFile(
  req: Request,
  key: string,
  opts: ServeOptions,
  deps: { store?: Storage; delivery?: "redirect" | "stream"; now?: number } = {},
): Promise<Response> {
  const store = deps.store ?? storage();
  const delivery = deps.delivery ?? mediaDelivery();
  if (opts.withBody && opts.presign && delivery === "redirect" && store.signedUrl) return redirectToSigned(store, key, opts, opts.presign, deps.now ?? Date.now());
  return streamStoredFile(req, store, key, opts);
}

async function redirectToSigned(store: Storage, key: string, opts: ServeOptions, presign: Presign, now: number): Promise<Response> {
  // No stat first: the caller found the key on the job, which is written only after the object is stored, and
  // a gallery page of posters would otherwise cost a bucket round trip each.
  // Signed at the start of a window half the TTL long, so the URL stays the same within it (the
  // browser can cache the bytes) and is valid for at least half the TTL after we hand it out.
  const windowMs = Math.max(1, Math.floor(presign.ttlSeconds / 2)) * 1000;
  const signedAt = Math.floor(now / windowMs) * windowMs;
  const url = await store.signedUrl!(key, presign.ttlSeconds, {
    cacheControl: opts.cacheControl,
    contentDisposition: opts.downloadAs ? attachment(opts.downloadAs) : undefined,
    signedAt: new Date(signedAt),
  });
  // A cached redirect must leave the URL time to play: reuse it for at most a quarter of its life.
  const reuse = Math.floor((signedAt + presign.ttlSeconds * 1000 - now) / 1000 - presign.ttlSeconds / 4);
  const cacheControl = presign.cacheRedirect && reuse > 0 ? `private, max-age=${reuse}` : "no-store";
  return new Response(null, { status: 302, headers: { location: url, "cache-control": cacheControl, ...opts.extraHeaders } });
}

async function streamStoredFile(req: Request, store: Storage, key: string, opts: ServeOptions): Promise<Response> {
  const st = await store.stat(key);
  if (!st) return notFound();

  const headers: Record<string, string> = {
    "content-type": contentTypeFor(key),
    "accept-ranges": "bytes",
    etag: st.etag,
    "cache-control": opts.cacheControl,
    "x-content-type-options": "nosniff",
    ...(opts.downloadAs ? { "content-disposition": attachment(opts.downloadAs) } : {}),
    ...opts.extraHeaders,
  };
  if (req.headers.get("if-none-match") === st.etag) return new Response(null, { status: 304, headers });

  const ifRange = req.headers.get("if-range");
  const range = ifRange && ifRange !== st.etag ? { kind: "none" as const } : parseRange(req.headers.get("range"), st.size);
  const unsatisfiable = () => new Response(null, { status: 416, headers: { ...headers, "content-range": `bytes */${st.size}` } });
  if (range.kind === "unsatisfiable") return unsatisfiable();

  const slice = range.kind === "range" ? { start: range.start, end: range.end } : undefined;
  const length = slice ? slice.end - slice.start + 1 : st.size;
  Object.assign(headers, lengthHeaders(length));
  if (slice) headers["content-range"] = `bytes ${slice.start}-${slice.end}/${st.size}`;
  const status = slice ? 206 : 200;
  if (!opts.withBody || length === 0) return new Response(null, { status, headers });

  try {
    const file = await store.open(key, slice);
    if (!file) return notFound();
    return new Response(Readable.toWeb(file.stream) as ReadableStream, { status, headers });
  } catch (err) {
    // Replaced by a shorter object between stat and open.
    if (err instanceof RangeNotSatisfiableError) return unsatisfiable();
    throw err;
  }
}
