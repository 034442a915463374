import { and, eq } from "drizzle-orm";
import { transaction, type Db } from "../client";
import { adoptOrphanJobs } from "./jobs";
import { hasAnyUser } from "./users";

export async function readSetting(db: Db, key: string): Promise<string | undefined> {
  const { instanceSettings } = db.t;
  const [row] = await db.orm.select().from(instanceSettings).where(eq(instanceSettings.key, key)).limit(1);
  return row?.value;
}

export async function writeSetting(db: Db, key: string, value: string): Promise<void> {
  await db.orm
    .insert(db.t.instanceSettings)
    .values({ key, value })
    .onConflictDoUpdate({ target: db.t.instanceSettings.key, set: { value } });
}

/** Writes a setting only if it has no value yet; returns whether this call wrote it. */
export async function insertSettingIfAbsent(db: Db, key: string, value: string): Promise<boolean> {
  const { instanceSettings } = db.t;
  const rows = await db.orm
    .insert(instanceSettings)
    .values({ key, value })
    .onConflictDoNothing()
    .returning({ key: instanceSettings.key });
  return rows.length > 0;
}

/** Replaces a setting's value only if it still is `expected`; returns whether this call replaced it. */
async function replaceSettingIf(db: Db, key: string, expected: string, value: string): Promise<boolean> {
  const { instanceSettings } = db.t;
  const rows = await db.orm
    .update(instanceSettings)
    .set({ value })
    .where(and(eq(instanceSettings.key, key), eq(instanceSettings.value, expected)))
    .returning({ key: instanceSettings.key });
  return rows.length > 0;
}

/**
 * Records the owner if there is none yet and, in the same transaction, gives the owner (this user, if
 * they are it) the jobs made before accounts. Returns whether this call made them the owner.
 */
export async function claimOwnerSetting(db: Db, key: string, userId: string): Promise<boolean> {
  return transaction(db, async (tx) => {
    const inserted = await insertSettingIfAbsent(tx, key, userId);
    if (inserted || (await readSetting(tx, key)) === userId) await adoptOrphanJobs(tx, userId);
    return inserted;
  });
}

/**
 * Reserves the owner's place for an account about to be created (its id chosen in advance), only
 * while the studio has no account at all. The reservation is the owner setting itself, written by
 * insert-if-absent (or, for a reservation whose account never appeared within `staleMs`, by
 * compare-and-replace), so of many sign-ups racing on a fresh studio exactly one wins.
 */
export async function reserveOwnerSetting(db: Db, key: string, atKey: string, userId: string, now: number, staleMs: number): Promise<boolean> {
  return transaction(db, async (tx) => {
    if (await hasAnyUser(tx)) return false;
    const current = await readSetting(tx, key);
    if (current === undefined) {
      if (!(await insertSettingIfAbsent(tx, key, userId))) return false;
    } else {
      // No account exists, so `current` names one that was never created: a crash between the two steps.
      if (now - Number((await readSetting(tx, atKey)) ?? 0) < staleMs) return false;
      if (!(await replaceSettingIf(tx, key, current, userId))) return false;
    }
    await writeSetting(tx, atKey, String(now));
    return true;
  });
}
