import { db } from "@/lib/db/client";

export const dynamic = "force-dynamic";

/** Liveness plus a database round trip; used by tests and process managers. */
export function GET(): Response {
  db().$client.prepare("SELECT 1").get();
  return Response.json({ ok: true });
}
