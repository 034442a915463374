import { lt } from "drizzle-orm";
import type { Db } from "../client";

/** Records a delivery; false when it was seen before (a retry or a replay). */
export async function recordWebhookEvent(db: Db, provider: string, eventId: string): Promise<boolean> {
  const { webhookEvents } = db.t;
  const rows = await db.orm
    .insert(webhookEvents)
    .values({ provider, eventId })
    .onConflictDoNothing()
    .returning({ eventId: webhookEvents.eventId });
  return rows.length > 0;
}

/** Forgets deliveries older than the providers' retry windows. */
export async function pruneWebhookEvents(db: Db, olderThanMs: number, now = Date.now()): Promise<void> {
  await db.orm.delete(db.t.webhookEvents).where(lt(db.t.webhookEvents.receivedAt, now - olderThanMs));
}
