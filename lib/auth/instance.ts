import "server-only";
import type { Db } from "../db/client";
import { claimOwnerSetting, readSetting, writeSetting } from "../db/queries/instance-settings";
import { hasAnyUser } from "../db/queries/users";
import { env } from "../env";

const OWNER = "owner_user_id";
const SIGNUP = "allow_signup";

export { hasAnyUser };

export async function ownerId(db: Db): Promise<string | null> {
  return (await readSetting(db, OWNER)) ?? null;
}

/** Read only where ownership matters (settings), not on every request. */
export async function isOwner(db: Db, userId: string): Promise<boolean> {
  return (await ownerId(db)) === userId;
}

/** The owner's switch in settings, or ALLOW_SIGNUP=true, opens sign-up; the very first account is always allowed. */
export async function signupOpen(db: Db): Promise<{ open: boolean; byEnv: boolean; firstAccount: boolean }> {
  const firstAccount = !(await hasAnyUser(db));
  const byEnv = env().ALLOW_SIGNUP;
  return { open: firstAccount || byEnv || (await readSetting(db, SIGNUP)) === "true", byEnv, firstAccount };
}

/** Hands the instance to another person (admin CLI `make-owner`). */
export function setOwner(db: Db, userId: string): Promise<void> {
  return writeSetting(db, OWNER, userId);
}

export function setSignupOpen(db: Db, open: boolean): Promise<void> {
  return writeSetting(db, SIGNUP, String(open));
}

/**
 * Makes this user the owner if the instance has none yet, and gives them the jobs made before
 * accounts existed. Returns whether they became the owner.
 */
export function claimOwnership(db: Db, userId: string): Promise<boolean> {
  return claimOwnerSetting(db, OWNER, userId);
}
