import { lengthHeaders } from "@/lib/http/media-length";
import { notFound } from "@/lib/http/serve-file";
import { storage } from "@/lib/storage";
import { posterJpeg } from "@/lib/share/share-poster";
import { SHARED_MEDIA_CACHE, SHARED_MEDIA_HEADERS } from "@/lib/share/shared-media";
import { loadSharedPage } from "@/lib/share/shared-page";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ token: string }> };

/** The shared poster as JPEG; an unknown, revoked or expired token gets a plain 404. */
async function serve(req: Request, { params }: Params, withBody: boolean): Promise<Response> {
  const job = (await loadSharedPage((await params).token))?.job;
  if (!job) return notFound();
  const st = await storage().stat(job.posterKey);
  if (!st) return notFound();
  // The JPEG is derived from the stored WebP, so the WebP's size and time identify it.
  const etag = `"jpg-${st.size.toString(36)}-${Math.floor(st.mtimeMs).toString(36)}"`;
  const headers: Record<string, string> = {
    "content-type": "image/jpeg",
    etag,
    "cache-control": SHARED_MEDIA_CACHE,
    "x-content-type-options": "nosniff",
    ...SHARED_MEDIA_HEADERS,
  };
  if (req.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  if (!withBody) return new Response(null, { status: 200, headers });
  const jpeg = await posterJpeg(job.posterKey);
  if (!jpeg) return notFound();
  Object.assign(headers, lengthHeaders(jpeg.data.length));
  return new Response(new Uint8Array(jpeg.data), { status: 200, headers });
}

export function GET(req: Request, ctx: Params): Promise<Response> {
  return serve(req, ctx, true);
}

export function HEAD(req: Request, ctx: Params): Promise<Response> {
  return serve(req, ctx, false);
}
