import "server-only";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { Readable } from "node:stream";
import zlib from "node:zlib";

export interface PinnedRequest {
  url: URL;
  /** The address already checked for this host: the socket goes there and nowhere else. */
  address: { address: string; family: number };
  method: string;
  headers: Headers;
  body: Buffer | null;
  /** Aborts the request and, later, the body stream. */
  signal: AbortSignal;
  timeout: AbortSignal;
  /** The error a timed-out exchange fails with, during the request or while the body streams. */
  timeoutError: () => Error;
}

const NO_BODY = new Set([204, 205, 304]);

/**
 * One HTTP exchange over node:http(s), whose `lookup` hook lets us hand the connection the
 * checked address while TLS still verifies the certificate for the host name. fetch (undici)
 * offers no such hook without the undici package. The answer is a web Response, bodies decoded
 * as fetch would, and never a redirect followed.
 */
export function requestPinned(req: PinnedRequest): Promise<Response> {
  const { url, address, signal } = req;
  const lookup: LookupFunction = (_host, opts, cb) => {
    if (opts.all) cb(null, [address]);
    else cb(null, address.address, address.family);
  };
  const headers: Record<string, string> = {};
  req.headers.forEach((value, name) => (headers[name] = value));
  if (req.body) headers["content-length"] = String(req.body.length);
  const transport = url.protocol === "https:" ? https : http;

  return new Promise<Response>((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const outgoing = transport.request(url, { method: req.method, headers, lookup, agent: false });
    const onAbort = () => {
      const reason = req.timeout.aborted ? req.timeoutError() : signal.reason;
      outgoing.destroy(reason instanceof Error ? reason : new Error(String(reason)));
    };
    signal.addEventListener("abort", onAbort, { once: true });
    outgoing.once("error", (err) => {
      signal.removeEventListener("abort", onAbort);
      reject(err);
    });
    outgoing.once("response", (incoming) => {
      incoming.once("close", () => signal.removeEventListener("abort", onAbort));
      try {
        resolve(toResponse(incoming, req.method, url));
      } catch (err) {
        incoming.destroy();
        reject(err);
      }
    });
    outgoing.end(req.body ?? undefined);
  });
}

function toResponse(incoming: http.IncomingMessage, method: string, url: URL): Response {
  const status = incoming.statusCode ?? 0;
  const headers = new Headers();
  for (let i = 0; i < incoming.rawHeaders.length; i += 2) headers.append(incoming.rawHeaders[i]!, incoming.rawHeaders[i + 1]!);
  let stream: Readable | null = method === "HEAD" || NO_BODY.has(status) ? null : incoming;
  const decoder = stream ? decoderFor(headers.get("content-encoding")) : null;
  if (stream && decoder) {
    stream = incoming.pipe(decoder);
    incoming.once("error", (err) => decoder.destroy(err));
    headers.delete("content-encoding");
    headers.delete("content-length");
  }
  if (!stream) incoming.resume();
  const body = stream ? (Readable.toWeb(stream) as ReadableStream<Uint8Array>) : null;
  const res = new Response(body, { status, statusText: incoming.statusMessage, headers });
  Object.defineProperty(res, "url", { value: url.href });
  return res;
}

function decoderFor(encoding: string | null): zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress | null {
  switch (encoding?.trim().toLowerCase()) {
    case "gzip":
    case "x-gzip":
      return zlib.createGunzip();
    case "deflate":
      return zlib.createInflate();
    case "br":
      return zlib.createBrotliDecompress();
    default:
      return null;
  }
}
