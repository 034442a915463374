import { and, count, desc, eq } from "drizzle-orm";
import type { Db } from "../client";
import type { ApiToken } from "../schema";
import { insertWithinLimit } from "./limits";

export async function insertApiToken(db: Db, row: Omit<ApiToken, "lastUsedAt">): Promise<ApiToken> {
  const [inserted] = await db.orm.insert(db.t.apiTokens).values(row).returning();
  return inserted!;
}

/** Inserts the token only while its user has fewer than `max`; null at the cap. */
export function insertApiTokenWithinLimit(db: Db, row: Omit<ApiToken, "lastUsedAt">, max: number): Promise<ApiToken | null> {
  return insertWithinLimit(db, `api-tokens:${row.userId}`, max, (tx) => countApiTokens(tx, row.userId), (tx) => insertApiToken(tx, row));
}

export async function countApiTokens(db: Db, userId: string): Promise<number> {
  const [row] = await db.orm.select({ n: count() }).from(db.t.apiTokens).where(eq(db.t.apiTokens.userId, userId));
  return row?.n ?? 0;
}

export async function listApiTokens(db: Db, userId: string): Promise<ApiToken[]> {
  const { apiTokens } = db.t;
  return db.orm.select().from(apiTokens).where(eq(apiTokens.userId, userId)).orderBy(desc(apiTokens.createdAt));
}

export async function deleteApiToken(db: Db, userId: string, id: string): Promise<boolean> {
  const { apiTokens } = db.t;
  const rows = await db.orm
    .delete(apiTokens)
    .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, userId)))
    .returning({ id: apiTokens.id });
  return rows.length > 0;
}

export async function findApiTokenByHash(db: Db, tokenHash: string): Promise<ApiToken | undefined> {
  const { apiTokens } = db.t;
  const [row] = await db.orm.select().from(apiTokens).where(eq(apiTokens.tokenHash, tokenHash)).limit(1);
  return row;
}

export async function touchApiToken(db: Db, id: string, now: number): Promise<void> {
  await db.orm.update(db.t.apiTokens).set({ lastUsedAt: now }).where(eq(db.t.apiTokens.id, id));
}
