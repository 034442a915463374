/** The better-auth user table, read by the app (better-auth writes it through its own adapter). */
import { asc, count, eq, inArray } from "drizzle-orm";
import type { Db } from "../client";

export async function hasAnyUser(db: Db): Promise<boolean> {
  const [row] = await db.orm.select({ n: count() }).from(db.t.user);
  return (row?.n ?? 0) > 0;
}

export async function findUserIdByEmail(db: Db, email: string): Promise<string | undefined> {
  const { user } = db.t;
  const [row] = await db.orm.select({ id: user.id }).from(user).where(eq(user.email, email)).limit(1);
  return row?.id;
}

/** A user row as sign-up writes it, without a password (tests and seeding sign in by API token). */
export async function insertUserRow(db: Db, row: { id: string; name: string; email: string; now: Date }): Promise<void> {
  await db.orm
    .insert(db.t.user)
    .values({ id: row.id, name: row.name, email: row.email, emailVerified: false, createdAt: row.now, updatedAt: row.now });
}

/** Every account, oldest first. */
export async function listUsers(db: Db): Promise<Array<{ id: string; email: string; createdAt: Date }>> {
  const { user } = db.t;
  return db.orm.select({ id: user.id, email: user.email, createdAt: user.createdAt }).from(user).orderBy(asc(user.createdAt), asc(user.id));
}

/** Names (else emails) of these users, by id, for tables that list people. */
export async function userLabels(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const { user } = db.t;
  const rows = await db.orm.select({ id: user.id, name: user.name, email: user.email }).from(user).where(inArray(user.id, [...ids]));
  return new Map(rows.map((r) => [r.id, r.name || r.email]));
}
