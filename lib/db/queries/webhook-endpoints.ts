/** Outgoing webhook endpoints, each owned by one user. */
import { and, count, desc, eq, sql } from "drizzle-orm";
import { transaction, type Db } from "../client";
import type { WebhookEndpoint } from "../schema";

/** Inserts the endpoint unless the user already has `max`; counted and inserted in one transaction. */
export async function insertWebhookEndpoint(db: Db, row: WebhookEndpoint, max: number): Promise<boolean> {
  return transaction(db, async (tx) => {
    // Postgres runs transactions side by side: two adds by one person must not both see max - 1.
    if (!tx.dialect.oneWriterAtATime) await tx.dialect.lockKey(tx, `webhook-endpoints:${row.userId}`);
    const { webhookEndpoints: e } = tx.t;
    const [existing] = await tx.orm.select({ n: count() }).from(e).where(eq(e.userId, row.userId));
    if ((existing?.n ?? 0) >= max) return false;
    await tx.orm.insert(e).values(row);
    return true;
  });
}

export async function listWebhookEndpoints(db: Db, userId: string): Promise<WebhookEndpoint[]> {
  const { webhookEndpoints: e } = db.t;
  return db.orm.select().from(e).where(eq(e.userId, userId)).orderBy(desc(e.createdAt));
}

export async function getWebhookEndpoint(db: Db, id: string): Promise<WebhookEndpoint | undefined> {
  const { webhookEndpoints: e } = db.t;
  const [row] = await db.orm.select().from(e).where(eq(e.id, id)).limit(1);
  return row;
}

/** Deletes one of the user's endpoints (its deliveries go with it); false when it is not theirs or gone. */
export async function deleteWebhookEndpoint(db: Db, userId: string, id: string): Promise<boolean> {
  const { webhookEndpoints: e } = db.t;
  const rows = await db.orm
    .delete(e)
    .where(and(eq(e.id, id), eq(e.userId, userId)))
    .returning({ id: e.id });
  return rows.length > 0;
}

/** Moves an endpoint's watermark forward (never back). */
export async function advanceScannedUntil(db: Db, id: string, until: number): Promise<void> {
  const { webhookEndpoints: e } = db.t;
  await db.orm
    .update(e)
    .set({ scannedUntil: until })
    .where(and(eq(e.id, id), sql`${e.scannedUntil} < ${until}`));
}
