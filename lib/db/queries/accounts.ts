/**
 * Account administration (admin CLI, Settings → People): listing people, passwords, disabling,
 * deleting. better-auth owns these tables' shapes; this writes them as its email-and-password
 * flow does (a "credential" account row holds the password hash).
 */
import { randomBytes } from "node:crypto";
import { and, asc, count, eq, gt, isNull, sql } from "drizzle-orm";
import type { Db } from "../client";
import type { Job } from "../schema";

export interface AccountRow {
  id: string;
  email: string;
  name: string;
  createdAt: Date;
  disabled: boolean;
  jobs: number;
}

export async function listAccounts(db: Db): Promise<AccountRow[]> {
  const { user, disabledUsers, jobs } = db.t;
  const rows = await db.orm
    .select({
      id: user.id,
      email: user.email,
      name: user.name,
      createdAt: user.createdAt,
      disabledAt: disabledUsers.disabledAt,
      jobs: sql<number>`(SELECT count(*) FROM ${jobs} WHERE ${jobs.userId} = ${user.id})`.mapWith(Number),
    })
    .from(user)
    .leftJoin(disabledUsers, eq(disabledUsers.userId, user.id))
    .orderBy(asc(user.createdAt), asc(user.email));
  return rows.map(({ disabledAt, ...r }) => ({ ...r, disabled: disabledAt !== null }));
}

export async function findAccountByEmail(db: Db, email: string): Promise<{ id: string; email: string; name: string } | undefined> {
  const { user } = db.t;
  const [row] = await db.orm.select({ id: user.id, email: user.email, name: user.name }).from(user).where(eq(user.email, email.trim().toLowerCase())).limit(1);
  return row;
}

export async function findAccountById(db: Db, id: string): Promise<{ id: string; email: string; name: string } | undefined> {
  const { user } = db.t;
  const [row] = await db.orm.select({ id: user.id, email: user.email, name: user.name }).from(user).where(eq(user.id, id)).limit(1);
  return row;
}

/** Writes the password hash on the user's credential account, creating that row if they have none. */
export async function setCredentialPassword(db: Db, userId: string, hash: string, now: Date): Promise<void> {
  const { account } = db.t;
  const updated = await db.orm
    .update(account)
    .set({ password: hash, updatedAt: now })
    .where(and(eq(account.userId, userId), eq(account.providerId, "credential")))
    .returning({ id: account.id });
  if (updated.length) return;
  await db.orm.insert(account).values({ id: randomBytes(16).toString("base64url"), accountId: userId, providerId: "credential", userId, password: hash, createdAt: now, updatedAt: now });
}

/** Signs the user out everywhere. */
export async function deleteSessionsOf(db: Db, userId: string): Promise<void> {
  await db.orm.delete(db.t.session).where(eq(db.t.session.userId, userId));
}

export async function setDisabled(db: Db, userId: string, disabled: boolean, now: number): Promise<void> {
  const { disabledUsers } = db.t;
  if (disabled) await db.orm.insert(disabledUsers).values({ userId, disabledAt: now }).onConflictDoNothing();
  else await db.orm.delete(disabledUsers).where(eq(disabledUsers.userId, userId));
}

export async function isDisabled(db: Db, userId: string): Promise<boolean> {
  const { disabledUsers } = db.t;
  const [row] = await db.orm.select({ n: count() }).from(disabledUsers).where(eq(disabledUsers.userId, userId));
  return (row?.n ?? 0) > 0;
}

export async function jobsOf(db: Db, userId: string): Promise<Job[]> {
  return db.orm.select().from(db.t.jobs).where(eq(db.t.jobs.userId, userId));
}

/** The user row; sessions, accounts, tokens, share links and webhook endpoints go with it (foreign keys). */
export async function deleteUserRow(db: Db, userId: string): Promise<void> {
  await db.orm.delete(db.t.user).where(eq(db.t.user.id, userId));
}

/** Replaces the user's unused reset links with this one. */
export async function insertPasswordReset(db: Db, row: { tokenHash: string; userId: string; createdAt: number; expiresAt: number }): Promise<void> {
  const { passwordResets: r } = db.t;
  await db.orm.delete(r).where(and(eq(r.userId, row.userId), isNull(r.usedAt)));
  await db.orm.insert(r).values(row);
}

/** Uses a reset link up: the user it was for, or undefined when it is unknown, used or expired. One UPDATE, so it works once. */
export async function consumePasswordReset(db: Db, tokenHash: string, now: number): Promise<string | undefined> {
  const { passwordResets: r } = db.t;
  const [row] = await db.orm
    .update(r)
    .set({ usedAt: now })
    .where(and(eq(r.tokenHash, tokenHash), isNull(r.usedAt), gt(r.expiresAt, now)))
    .returning({ userId: r.userId });
  return row?.userId;
}

/** Whether a reset link can still be used (for the page that asks for the new password). */
export async function passwordResetUsable(db: Db, tokenHash: string, now: number): Promise<boolean> {
  const { passwordResets: r } = db.t;
  const [row] = await db.orm
    .select({ n: count() })
    .from(r)
    .where(and(eq(r.tokenHash, tokenHash), isNull(r.usedAt), gt(r.expiresAt, now)));
  return (row?.n ?? 0) > 0;
}


/** Revokes a token by its id, whoever owns it (the admin CLI); false when there is none. */
export async function deleteApiTokenById(db: Db, id: string): Promise<boolean> {
  const { apiTokens } = db.t;
  const rows = await db.orm.delete(apiTokens).where(eq(apiTokens.id, id)).returning({ id: apiTokens.id });
  return rows.length > 0;
}
