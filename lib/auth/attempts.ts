import "server-only";
import type { Db } from "../db/client";
import { clearFailures, countFailures, nthNewestFailure, recordFailures } from "../db/queries/sign-in-failures";

/**
 * Sign-in throttling, with the failures counted in the database so that it holds across every
 * web server on it (an attacker spreading guesses over servers behind a load balancer gains
 * nothing). Two rules:
 * - one client address guessing one account is stopped after PER_CLIENT failures for a while;
 * - failures for an account from everywhere together only slow every attempt on it down, more
 *   the more there are, and never refuse a correct password: a lockout here would let anyone
 *   lock the owner out by guessing from many addresses.
 */
const WINDOW_MS = 10 * 60_000;
/** Failures allowed from one address for one account, per window. */
const PER_CLIENT = 10;
/** Failures for one account from everywhere before attempts on it are slowed down. */
const ACCOUNT_FREE = 10;
/** The delay doubles with every ACCOUNT_STEP further failures, from ACCOUNT_FIRST_DELAY_MS up to ACCOUNT_MAX_DELAY_MS. */
const ACCOUNT_STEP = 10;
const ACCOUNT_FIRST_DELAY_MS = 1_000;
const ACCOUNT_MAX_DELAY_MS = 10_000;

export interface SignInThrottle {
  /** Seconds this client must wait before trying this account again; 0 when it may try now. */
  blockedForSeconds: number;
  /** How long to hold this attempt before checking the password, because the account is under attack. */
  delayMs: number;
}

const clientKey = (email: string, client: string) => `${client}|${email}`;
const accountKey = (email: string) => `*|${email}`;

/**
 * What to do with an attempt on `email` from `client`. A null client (the server cannot tell
 * clients apart) gets no per-client block, since that would block everyone; only the slowdown.
 */
export async function signInThrottle(db: Db, email: string, client: string | null, now = Date.now()): Promise<SignInThrottle> {
  const since = now - WINDOW_MS;
  let blockedForSeconds = 0;
  if (client !== null) {
    // Blocked until the oldest of the last PER_CLIENT failures leaves the window.
    const oldestOfLast = await nthNewestFailure(db, clientKey(email, client), since, PER_CLIENT);
    if (oldestOfLast !== null) blockedForSeconds = Math.ceil((oldestOfLast + WINDOW_MS - now) / 1000);
  }
  const over = (await countFailures(db, accountKey(email), since)) - ACCOUNT_FREE;
  const delayMs = over < 0 ? 0 : Math.min(ACCOUNT_MAX_DELAY_MS, ACCOUNT_FIRST_DELAY_MS * 2 ** Math.floor(over / ACCOUNT_STEP));
  return { blockedForSeconds, delayMs };
}

export async function recordSignInFailure(db: Db, email: string, client: string | null, now = Date.now()): Promise<void> {
  const keys = client === null ? [accountKey(email)] : [clientKey(email, client), accountKey(email)];
  await recordFailures(db, keys, now, now - WINDOW_MS);
}

/** A successful sign-in from this client clears its own count, not other clients' nor the account's. */
export async function clearSignInFailures(db: Db, email: string, client: string | null): Promise<void> {
  if (client !== null) await clearFailures(db, clientKey(email, client));
}
