import { eq } from "drizzle-orm";
import { transaction, type Db } from "../client";
import { adoptOrphanJobs } from "./jobs";

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

/** Records the owner if there is none yet and, in the same transaction, gives them the jobs made before accounts. */
export async function claimOwnerSetting(db: Db, key: string, userId: string): Promise<boolean> {
  return transaction(db, async (tx) => {
    const inserted = await insertSettingIfAbsent(tx, key, userId);
    if (inserted) await adoptOrphanJobs(tx, userId);
    return inserted;
  });
}
