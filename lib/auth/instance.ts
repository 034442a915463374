import "server-only";
import { count, eq, isNull } from "drizzle-orm";
import type { Db } from "../db/client";
import { instanceSettings, jobs, user } from "../db/schema";
import { env } from "../env";

const OWNER = "owner_user_id";
const SIGNUP = "allow_signup";

function read(db: Db, key: string): string | undefined {
  return db.select().from(instanceSettings).where(eq(instanceSettings.key, key)).get()?.value;
}

export function ownerId(db: Db): string | null {
  return read(db, OWNER) ?? null;
}

/** Read only where ownership matters (settings), not on every request. */
export function isOwner(db: Db, userId: string): boolean {
  return ownerId(db) === userId;
}

export function hasAnyUser(db: Db): boolean {
  return (db.select({ n: count() }).from(user).get()?.n ?? 0) > 0;
}

/** The owner's switch in settings, or ALLOW_SIGNUP=true, opens sign-up; the very first account is always allowed. */
export function signupOpen(db: Db): { open: boolean; byEnv: boolean; firstAccount: boolean } {
  const firstAccount = !hasAnyUser(db);
  const byEnv = env().ALLOW_SIGNUP;
  return { open: firstAccount || byEnv || read(db, SIGNUP) === "true", byEnv, firstAccount };
}

export function setSignupOpen(db: Db, open: boolean): void {
  db.insert(instanceSettings)
    .values({ key: SIGNUP, value: String(open) })
    .onConflictDoUpdate({ target: instanceSettings.key, set: { value: String(open) } })
    .run();
}

/**
 * Makes this user the owner if the instance has none yet, and gives them the jobs made before
 * accounts existed. Returns whether they became the owner.
 */
export function claimOwnership(db: Db, userId: string): boolean {
  return db.transaction((tx) => {
    const inserted = tx.insert(instanceSettings).values({ key: OWNER, value: userId }).onConflictDoNothing().run().changes > 0;
    if (inserted) tx.update(jobs).set({ userId }).where(isNull(jobs.userId)).run();
    return inserted;
  });
}
