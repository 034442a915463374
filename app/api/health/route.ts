import { db, pingDb } from "@/lib/db/client";

export const dynamic = "force-dynamic";

/** Liveness plus a database round trip; used by tests and process managers. */
export async function GET(): Promise<Response> {
  await pingDb(await db());
  return Response.json({ ok: true });
}
