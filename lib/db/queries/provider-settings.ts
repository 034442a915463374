import { randomBytes } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { transaction, type Db } from "../client";
import type { SavedProviderSetting } from "../schema";
import { readSetting, writeSetting } from "./instance-settings";

/**
 * Changes with every save or removal, so every process (another web server, `npm run worker`)
 * can tell with one small read whether its copy of the saved settings is stale.
 */
const VERSION_KEY = "provider_settings_version";

export function listSavedProviderSettings(db: Db): Promise<SavedProviderSetting[]> {
  return db.orm.select().from(db.t.savedProviderSettings);
}

export async function providerSettingsVersion(db: Db): Promise<string | null> {
  return (await readSetting(db, VERSION_KEY)) ?? null;
}

// A random token rather than a counter: no read-modify-write, and it reads the same on every dialect.
const bumpVersion = (db: Db) => writeSetting(db, VERSION_KEY, randomBytes(9).toString("base64url"));

/** Writes (or replaces) sealed values of one provider and bumps the version, in one transaction. */
export function upsertProviderSettings(
  db: Db,
  provider: string,
  values: ReadonlyArray<{ name: string; sealed: string }>,
  by: string | null,
  now: number,
): Promise<void> {
  const table = db.t.savedProviderSettings;
  return transaction(db, async (tx) => {
    for (const { name, sealed } of values) {
      await tx.orm
        .insert(table)
        .values({ provider, name, sealed, updatedAt: now, updatedBy: by })
        .onConflictDoUpdate({ target: [table.provider, table.name], set: { sealed, updatedAt: now, updatedBy: by } });
    }
    await bumpVersion(tx);
  });
}

/** Deletes saved values of one provider; returns how many there were. */
export function deleteProviderSettings(db: Db, provider: string, names: readonly string[]): Promise<number> {
  const table = db.t.savedProviderSettings;
  return transaction(db, async (tx) => {
    const gone = await tx.orm
      .delete(table)
      .where(and(eq(table.provider, provider), inArray(table.name, [...names])))
      .returning({ name: table.name });
    if (gone.length > 0) await bumpVersion(tx);
    return gone.length;
  });
}
