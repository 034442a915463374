import { db } from "@/lib/db/client";
import { requireViewer } from "@/lib/http/require-viewer";
import { exportRows, ledgerCsv, usageFor } from "@/lib/jobs/usage";

export const dynamic = "force-dynamic";

/**
 * This month's spend against the caps, per day, by model, provider and (for the owner) person;
 * `?format=csv` exports the ledger rows the asker may see.
 */
export async function GET(req: Request): Promise<Response> {
  const asked = await requireViewer(req);
  if ("response" in asked) return asked.response;
  const database = await db();
  if (new URL(req.url).searchParams.get("format") === "csv") {
    const csv = ledgerCsv(await exportRows(database, asked.viewer.userId));
    return new Response(csv, {
      headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="dailies-ledger.csv"', "cache-control": "no-store" },
    });
  }
  return Response.json(await usageFor(database, asked.viewer.userId), { headers: { "cache-control": "no-store" } });
}
