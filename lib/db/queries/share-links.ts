import { and, count, desc, eq, gt, isNull, or } from "drizzle-orm";
import type { Db } from "../client";
import type { ShareLink } from "../schema";
import { insertWithinLimit } from "./limits";

export async function insertShareLink(db: Db, row: Omit<ShareLink, "revokedAt">): Promise<ShareLink> {
  const [inserted] = await db.orm.insert(db.t.shareLinks).values(row).returning();
  return inserted!;
}

/** Inserts the link only while its job has fewer than `max` live (unrevoked, unexpired) links; null at the cap. */
export function insertShareLinkWithinLimit(db: Db, row: Omit<ShareLink, "revokedAt">, max: number): Promise<ShareLink | null> {
  return insertWithinLimit(db, `share-links:${row.jobId}`, max, (tx) => countLiveShareLinks(tx, row.jobId, row.createdAt), (tx) => insertShareLink(tx, row));
}

export async function countLiveShareLinks(db: Db, jobId: string, now: number): Promise<number> {
  const { shareLinks } = db.t;
  const [row] = await db.orm
    .select({ n: count() })
    .from(shareLinks)
    .where(and(eq(shareLinks.jobId, jobId), isNull(shareLinks.revokedAt), or(isNull(shareLinks.expiresAt), gt(shareLinks.expiresAt, now))));
  return row?.n ?? 0;
}

/** A user's unrevoked links to one job, newest first (expired ones included). */
export async function unrevokedShareLinks(db: Db, jobId: string, userId: string): Promise<ShareLink[]> {
  const { shareLinks } = db.t;
  return db.orm
    .select()
    .from(shareLinks)
    .where(and(eq(shareLinks.jobId, jobId), eq(shareLinks.userId, userId), isNull(shareLinks.revokedAt)))
    .orderBy(desc(shareLinks.createdAt));
}

export async function revokeShareLink(db: Db, token: string, userId: string, now: number): Promise<boolean> {
  const { shareLinks } = db.t;
  const rows = await db.orm
    .update(shareLinks)
    .set({ revokedAt: now })
    .where(and(eq(shareLinks.token, token), eq(shareLinks.userId, userId), isNull(shareLinks.revokedAt)))
    .returning({ token: shareLinks.token });
  return rows.length > 0;
}

export async function getShareLink(db: Db, token: string): Promise<ShareLink | undefined> {
  const [row] = await db.orm.select().from(db.t.shareLinks).where(eq(db.t.shareLinks.token, token)).limit(1);
  return row;
}

/** Moves a link's expiry (tests use it to make a link lapse without waiting). */
export async function setShareLinkExpiry(db: Db, token: string, expiresAt: number | null): Promise<void> {
  await db.orm.update(db.t.shareLinks).set({ expiresAt }).where(eq(db.t.shareLinks.token, token));
}
