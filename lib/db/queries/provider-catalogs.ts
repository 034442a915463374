import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { Db } from "../client";
import type { ProviderCatalogRow } from "../schema";

export type { ProviderCatalogRow };

export async function listProviderCatalogs(db: Db): Promise<ProviderCatalogRow[]> {
  return db.orm.select().from(db.t.providerCatalogs);
}

export async function getProviderCatalog(db: Db, provider: string): Promise<ProviderCatalogRow | undefined> {
  const { providerCatalogs: c } = db.t;
  const [row] = await db.orm.select().from(c).where(eq(c.provider, provider)).limit(1);
  return row;
}

/**
 * Takes the right to refresh this provider's list until `until`, unless another instance holds
 * it or has refreshed since the caller read `seen` (its fetched/error times). One UPDATE, so
 * two instances never both win.
 */
export async function claimCatalogRefresh(
  db: Db,
  provider: string,
  now: number,
  until: number,
  seen: Pick<ProviderCatalogRow, "fetchedAt" | "lastErrorAt"> | undefined,
): Promise<boolean> {
  const { providerCatalogs: c } = db.t;
  await db.orm.insert(c).values({ provider }).onConflictDoNothing();
  const rows = await db.orm
    .update(c)
    .set({ refreshingUntil: until })
    .where(
      and(
        eq(c.provider, provider),
        or(isNull(c.refreshingUntil), lt(c.refreshingUntil, now)),
        eq(sql`coalesce(${c.fetchedAt}, 0)`, seen?.fetchedAt ?? 0),
        eq(sql`coalesce(${c.lastErrorAt}, 0)`, seen?.lastErrorAt ?? 0),
      ),
    )
    .returning({ provider: c.provider });
  return rows.length > 0;
}

/** A good list: the new last good copy; the claim ends. */
export async function saveCatalog(db: Db, provider: string, copy: { models: unknown[]; retired: unknown[] }, fetchedAt: number): Promise<void> {
  const { providerCatalogs: c } = db.t;
  await db.orm.update(c).set({ models: copy.models, retired: copy.retired, fetchedAt, refreshingUntil: null }).where(eq(c.provider, provider));
}

/** A failed refresh: the copy stays, the error is noted; the claim ends. */
export async function recordCatalogError(db: Db, provider: string, message: string, at: number): Promise<void> {
  const { providerCatalogs: c } = db.t;
  await db.orm.update(c).set({ lastError: message, lastErrorAt: at, refreshingUntil: null }).where(eq(c.provider, provider));
}
