import { Readable } from "node:stream";
import { db } from "@/lib/db/client";
import { userExport } from "@/lib/export/user-export";
import { NO_STORE, viewerRoute } from "@/lib/http/api-route";

export const dynamic = "force-dynamic";

/** The asker's own videos and prompts as one ZIP (Settings → Your data), streamed as it is made. */
export const GET = viewerRoute(async (_req, viewer) => {
  const archive = await userExport(await db(), viewer.userId);
  const day = new Date().toISOString().slice(0, 10);
  return new Response(Readable.toWeb(Readable.from(archive)) as ReadableStream<Uint8Array>, {
    headers: {
      "content-type": "application/zip",
      "content-disposition": `attachment; filename="dailies-export-${day}.zip"`,
      ...NO_STORE,
    },
  });
});
