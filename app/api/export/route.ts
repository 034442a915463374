import { Readable } from "node:stream";
import { db } from "@/lib/db/client";
import { userExport } from "@/lib/export/user-export";
import { requireViewer } from "@/lib/http/require-viewer";

export const dynamic = "force-dynamic";

/** The asker's own videos and prompts as one ZIP (Settings → Your data), streamed as it is made. */
export async function GET(req: Request): Promise<Response> {
  const asked = await requireViewer(req);
  if ("response" in asked) return asked.response;
  const archive = await userExport(await db(), asked.viewer.userId);
  const day = new Date().toISOString().slice(0, 10);
  return new Response(Readable.toWeb(Readable.from(archive)) as ReadableStream<Uint8Array>, {
    headers: {
      "content-type": "application/zip",
      "content-disposition": `attachment; filename="dailies-export-${day}.zip"`,
      "cache-control": "no-store",
    },
  });
}
