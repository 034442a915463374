import { errorResponse, appError } from "@/lib/errors";
import { ownedJobRoute } from "@/lib/http/api-route";
import { extractLastFrame } from "@/lib/media/last-frame";

export const dynamic = "force-dynamic";

/** The final frame of the asker's finished video, as a PNG the composer puts in its Start slot. */
export const GET = ownedJobRoute(async (_req, job) => {
  if (job.status !== "succeeded" || !job.videoKey)
    return errorResponse(appError("conflict", "This video has not finished, so it has no last frame yet."));
  const frame = await extractLastFrame(job.videoKey);
  if (!frame) return errorResponse(appError("not_found", "The video file is missing, so its last frame cannot be taken."));
  return new Response(new Uint8Array(frame), {
    headers: { "content-type": "image/png", "cache-control": "private, max-age=3600", "content-disposition": `inline; filename="last-frame-${job.id}.png"` },
  });
});
