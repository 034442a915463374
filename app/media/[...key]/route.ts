import { viewerFromRequest } from "@/lib/auth/viewer";
import { db } from "@/lib/db/client";
import { getOwnedJob } from "@/lib/db/queries/jobs";
import { env } from "@/lib/env";
import { notFound, serveStoredFile } from "@/lib/http/serve-file";
import { downloadName } from "@/lib/jobs/download-name";
import { jobIdOfKey } from "@/lib/storage/keys";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ key: string[] }> };

/** The owner's videos, posters and uploads. Anyone else, signed in or not, gets the same 404 as for a missing file. */
async function serve(req: Request, { params }: Params, withBody: boolean): Promise<Response> {
  const key = (await params).key.join("/");
  const jobId = jobIdOfKey(key);
  if (!jobId) return notFound();
  const viewer = await viewerFromRequest(req);
  const job = viewer ? await getOwnedJob(await db(), jobId, viewer.userId) : undefined;
  if (!job || ![job.videoKey, job.posterKey, job.inputImageKey].includes(key)) return notFound();
  // `?download` (the Download button) names the file after the prompt; a cross-origin redirect would drop <a download>.
  const downloadAs = key === job.videoKey && new URL(req.url).searchParams.has("download") ? downloadName(job.prompt, key) : undefined;
  // Keys never change content, so the owner's browser may keep them; `private` keeps shared caches out.
  return serveStoredFile(req, key, {
    withBody,
    cacheControl: "private, max-age=31536000, immutable",
    presign: { ttlSeconds: env().MEDIA_URL_TTL_SECONDS, cacheRedirect: true },
    downloadAs,
  });
}

export function GET(req: Request, ctx: Params): Promise<Response> {
  return serve(req, ctx, true);
}

export function HEAD(req: Request, ctx: Params): Promise<Response> {
  return serve(req, ctx, false);
}
