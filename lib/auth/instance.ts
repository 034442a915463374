import "server-only";
import type { Db } from "../db/client";
import { claimOwnerSetting, readSetting, reserveOwnerSetting, writeSetting } from "../db/queries/instance-settings";
import { hasAnyUser } from "../db/queries/users";
import { env } from "../env";

const OWNER = "owner_user_id";
const OWNER_RESERVED_AT = "owner_reserved_at";
const SIGNUP = "allow_signup";
/** A first-account reservation whose account never appeared (a crash in between) is given up after this. */
const STALE_RESERVATION_MS = 60_000;

export const SIGNUP_CLOSED_MESSAGE = "Sign-up is closed on this studio. Ask its owner to open it, or to create your account.";

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
 * Makes this user the owner if the instance has none yet, and gives the owner the jobs made before
 * accounts existed. Returns whether this call made them the owner.
 */
export function claimOwnership(db: Db, userId: string): Promise<boolean> {
  return claimOwnerSetting(db, OWNER, userId);
}

/**
 * Whether an account with this (not yet used) id may be created, decided atomically: the first
 * account of the studio (it becomes the owner in the same step, so two people signing up at once
 * on a fresh studio cannot both get in), or any account while sign-up is open.
 */
export async function admitNewAccount(db: Db, userId: string, now = Date.now()): Promise<"owner" | "member" | null> {
  if (await reserveOwnerSetting(db, OWNER, OWNER_RESERVED_AT, userId, now, STALE_RESERVATION_MS)) return "owner";
  if (env().ALLOW_SIGNUP || (await readSetting(db, SIGNUP)) === "true") return "member";
  return null;
}
