import { notFound, serveStoredFile } from "@/lib/http/serve-file";
import { downloadName } from "@/lib/jobs/download-name";
import { SHARED_MEDIA_CACHE, SHARED_MEDIA_HEADERS, SHARED_MEDIA_PRESIGN } from "@/lib/share/shared-media";
import { loadSharedPage } from "@/lib/share/shared-page";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ token: string }> };

/** The shared video, range-served or redirected to a brief presigned URL; an unknown, revoked or expired token gets a plain 404. */
async function serve(req: Request, { params }: Params, withBody: boolean): Promise<Response> {
  const shared = await loadSharedPage((await params).token);
  if (!shared) return notFound();
  const { job } = shared;
  // `?download` (the page's Download button) names the file after the prompt, if the owner allows downloads.
  const wantsDownload = new URL(req.url).searchParams.has("download");
  if (wantsDownload && !shared.allowDownload)
    return new Response("The owner of this video has not allowed downloads from this link.", {
      status: 403,
      headers: { ...SHARED_MEDIA_HEADERS, "cache-control": SHARED_MEDIA_CACHE, "content-type": "text/plain; charset=utf-8" },
    });
  const downloadAs = wantsDownload ? downloadName(job.prompt, job.videoKey) : undefined;
  return serveStoredFile(req, job.videoKey, { withBody, cacheControl: SHARED_MEDIA_CACHE, extraHeaders: SHARED_MEDIA_HEADERS, presign: SHARED_MEDIA_PRESIGN, downloadAs });
}

export function GET(req: Request, ctx: Params): Promise<Response> {
  return serve(req, ctx, true);
}

export function HEAD(req: Request, ctx: Params): Promise<Response> {
  return serve(req, ctx, false);
}
