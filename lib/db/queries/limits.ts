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
  return transaction(db, async (tx) => {
    await lockOwner(tx, owner);
    if ((await count(tx)) >= max) return null;
    return insert(tx);
  });
}

/**
 * Serializes the transactions counting on one owner. SQLite needs nothing more than the transaction:
 * BEGIN IMMEDIATE admits one writer at a time, and the driver keeps every other statement out until it ends.
 */
async function lockOwner(tx: Db, owner: string): Promise<void> {
  void tx;
  void owner;
}
