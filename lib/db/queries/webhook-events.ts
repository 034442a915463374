import { sql } from "drizzle-orm";
import type { Db } from "../client";
import { webhookEvents } from "../schema";

/** Records a delivery; false when it was seen before (a retry or a replay). */
export function recordWebhookEvent(db: Db, provider: string, eventId: string): boolean {
  const result = db.insert(webhookEvents).values({ provider, eventId }).onConflictDoNothing().run();
  return result.changes > 0;
}

/** Forgets deliveries older than the providers' retry windows. */
export function pruneWebhookEvents(db: Db, olderThanMs: number, now = Date.now()): void {
  db.delete(webhookEvents).where(sql`${webhookEvents.receivedAt} < ${now - olderThanMs}`).run();
}
