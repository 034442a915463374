import { db } from "@/lib/db/client";
import { NO_STORE, viewerRoute } from "@/lib/http/api-route";
import { exportRows, ledgerCsv, usageFor } from "@/lib/jobs/usage";

export const dynamic = "force-dynamic";

/**
 * This month's spend against the caps, per day, by model, provider and (for the owner) person;
 * `?format=csv` exports the ledger rows the asker may see.
 */
export const GET = viewerRoute(async (req, viewer) => {
  const database = await db();
  if (new URL(req.url).searchParams.get("format") === "csv") {
    const csv = ledgerCsv(await exportRows(database, viewer.userId));
    return new Response(csv, {
      headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="dailies-ledger.csv"', ...NO_STORE },
    });
  }
  return Response.json(await usageFor(database, viewer.userId), { headers: NO_STORE });
});
