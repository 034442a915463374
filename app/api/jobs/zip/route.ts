import { Readable } from "node:stream";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { listJobs } from "@/lib/db/queries/jobs";
import { appError, errorResponse } from "@/lib/errors";
import { requireViewer } from "@/lib/http/require-viewer";
import { downloadName } from "@/lib/jobs/download-name";
import { openInTurn, uniqueNames, zipStream } from "@/lib/media/zip-stream";
import { storage } from "@/lib/storage";

export const dynamic = "force-dynamic";

const MAX_IDS = 100;
/** One download's size: the archive format has no limit (ZIP64), a browser's patience with one file does. */
const MAX_ZIP_BYTES = 4 * 1024 ** 3;
const query = z.object({
  ids: z
    .string({ error: "Say which videos to download: ids=<id>,<id>." })
    .transform((s) => [...new Set(s.split(",").filter(Boolean))])
    .pipe(z.array(z.string().max(64)).min(1, "Select at least one video.").max(MAX_IDS, `Download at most ${MAX_IDS} videos at once.`)),
});

/**
 * The asker's selected, finished videos as one zip, streamed file by file (never built in memory
 * or on disk). Ids of anyone else's videos, or of unfinished ones, are simply not in it.
 */
export async function GET(req: Request): Promise<Response> {
  const asked = await requireViewer(req);
  if ("response" in asked) return asked.response;
  const parsed = query.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!parsed.success) return errorResponse(appError("bad_request", parsed.error.issues[0]?.message ?? "Bad query."));
  const { items } = await listJobs(await db(), { userId: asked.viewer.userId, ids: parsed.data.ids, status: ["succeeded"], limit: MAX_IDS });
  const jobs = items.filter((j) => j.videoKey);
  if (jobs.length === 0) return errorResponse(appError("not_found", "None of the selected videos is ready to download."));
  const total = jobs.reduce((sum, j) => sum + (j.videoBytes ?? 0), 0);
  if (total > MAX_ZIP_BYTES) return errorResponse(appError("payload_too_large", "Those videos add up to more than 4 GB; select fewer and download them in parts."));
  const names = uniqueNames(jobs.map((j) => downloadName(j.prompt, j.videoKey)));
  const zip = zipStream(
    openInTurn(
      jobs.map((job, i) => ({
        name: names[i]!,
        open: async () => (await storage().open(job.videoKey!))?.stream ?? null,
      })),
    ),
  );
  return new Response(Readable.toWeb(Readable.from(zip, { objectMode: false })) as ReadableStream<Uint8Array>, {
    headers: {
      "content-type": "application/zip",
      "content-disposition": `attachment; filename="dailies-${jobs.length}-videos.zip"`,
      "cache-control": "private, no-store",
    },
  });
}
