/** Idempotency keys of job creation; see the table's comment in the schema. */
import { and, eq, gte, lt } from "drizzle-orm";
import type { Db } from "../client";
import type { IdempotencyKey } from "../schema";

/** The key's record if it was used since `notBefore`. */
export async function findIdempotencyKey(db: Db, userId: string, key: string, notBefore: number): Promise<IdempotencyKey | undefined> {
  const { idempotencyKeys: k } = db.t;
  const [row] = await db.orm
    .select()
    .from(k)
    .where(and(eq(k.userId, userId), eq(k.key, key), gte(k.createdAt, notBefore)))
    .limit(1);
  return row;
}

/**
 * Records the key for this request; false when someone else holds it (a concurrent request with
 * the same key). A record older than `notBefore` has expired and gives the key up first. Run it in
 * the transaction that inserts the job, so the two stand or fall together.
 */
export async function claimIdempotencyKey(db: Db, row: IdempotencyKey, notBefore: number): Promise<boolean> {
  const { idempotencyKeys: k } = db.t;
  await db.orm.delete(k).where(and(eq(k.userId, row.userId), eq(k.key, row.key), lt(k.createdAt, notBefore)));
  const inserted = await db.orm.insert(k).values(row).onConflictDoNothing().returning({ key: k.key });
  return inserted.length > 0;
}

export async function pruneIdempotencyKeys(db: Db, olderThan: number): Promise<void> {
  await db.orm.delete(db.t.idempotencyKeys).where(lt(db.t.idempotencyKeys.createdAt, olderThan));
}
