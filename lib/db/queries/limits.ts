/**
 * Per-owner caps (active jobs, API tokens, share links) checked and taken in one step: the count
 * and the insert run in one transaction that holds a lock on the owner, so requests racing each
 * other cannot all see "one left" and all insert.
 */
import { transaction, type Db } from "../client";

/** Inserts only while `count` is below `max`; null when the cap is reached. `owner` names what the cap is counted on. */
export async function insertWithinLimit<T>(
  db: Db,
  owner: string,
  max: number,
  count: (tx: Db) => Promise<number>,
  insert: (tx: Db) => Promise<T>,
): Promise<T | null> {
  return transaction(db, (tx) => insertWithinLimitIn(tx, owner, max, count, insert));
}

/** insertWithinLimit's check and insert inside a transaction the caller already holds (`tx`), for writes that check more than one thing. */
export async function insertWithinLimitIn<T>(
  tx: Db,
  owner: string,
  max: number,
  count: (tx: Db) => Promise<number>,
  insert: (tx: Db) => Promise<T>,
): Promise<T | null> {
  // SQLite needs nothing more than the transaction (BEGIN IMMEDIATE: one writer at a time); on Postgres,
  // where transactions run side by side, a transaction-scoped lock on the owner serializes the counters.
  await tx.dialect.lockKey(tx, `limit:${owner}`);
  if ((await count(tx)) >= max) return null;
  return insert(tx);
}
