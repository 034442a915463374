import { randomBytes } from "node:crypto";
import { and, count, desc, eq, gt, lt } from "drizzle-orm";
import type { Db } from "../client";

/** Writes one failure for each counter it counts toward, and forgets failures older than `forgetBefore`. */
export async function recordFailures(db: Db, keys: readonly string[], at: number, forgetBefore: number): Promise<void> {
  const { signInFailures: f } = db.t;
  await db.orm.insert(f).values(keys.map((key) => ({ id: randomBytes(12).toString("base64url"), key, at })));
  await db.orm.delete(f).where(lt(f.at, forgetBefore));
}

/** How many failures `key` has after `since`. */
export async function countFailures(db: Db, key: string, since: number): Promise<number> {
  const { signInFailures: f } = db.t;
  const [row] = await db.orm.select({ n: count() }).from(f).where(and(eq(f.key, key), gt(f.at, since)));
  return row?.n ?? 0;
}

/** The time of `key`'s nth newest failure after `since` (n from 1), or null when it has fewer. */
export async function nthNewestFailure(db: Db, key: string, since: number, n: number): Promise<number | null> {
  const { signInFailures: f } = db.t;
  const [row] = await db.orm
    .select({ at: f.at })
    .from(f)
    .where(and(eq(f.key, key), gt(f.at, since)))
    .orderBy(desc(f.at))
    .limit(1)
    .offset(n - 1);
  return row?.at ?? null;
}

export async function clearFailures(db: Db, key: string): Promise<void> {
  const { signInFailures: f } = db.t;
  await db.orm.delete(f).where(eq(f.key, key));
}
