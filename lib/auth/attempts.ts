import "server-only";

/**
 * Sign-in throttling, in memory for one server process (the counters are the part that would move
 * into the database for several instances). Two rules:
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
const MAX_KEYS = 10_000;

const failures = new Map<string, number[]>();

export interface SignInThrottle {
  /** Seconds this client must wait before trying this account again; 0 when it may try now. */
  blockedForSeconds: number;
  /** How long to hold this attempt before checking the password, because the account is under attack. */
  delayMs: number;
}

function recent(key: string, now: number): number[] {
  const list = (failures.get(key) ?? []).filter((t) => now - t < WINDOW_MS);
  if (list.length) failures.set(key, list);
  else failures.delete(key);
  return list;
}

const clientKey = (email: string, client: string) => `${client}|${email}`;
const accountKey = (email: string) => `*|${email}`;

/**
 * What to do with an attempt on `email` from `client`. A null client (the server cannot tell
 * clients apart) gets no per-client block, since that would block everyone; only the slowdown.
 */
export function signInThrottle(email: string, client: string | null, now = Date.now()): SignInThrottle {
  let blockedForSeconds = 0;
  if (client !== null) {
    const mine = recent(clientKey(email, client), now);
    if (mine.length >= PER_CLIENT) blockedForSeconds = Math.ceil((mine[mine.length - PER_CLIENT]! + WINDOW_MS - now) / 1000);
  }
  const all = recent(accountKey(email), now).length;
  const over = all - ACCOUNT_FREE;
  const delayMs = over < 0 ? 0 : Math.min(ACCOUNT_MAX_DELAY_MS, ACCOUNT_FIRST_DELAY_MS * 2 ** Math.floor(over / ACCOUNT_STEP));
  return { blockedForSeconds, delayMs };
}

export function recordSignInFailure(email: string, client: string | null, now = Date.now()): void {
  if (failures.size >= MAX_KEYS) for (const key of [...failures.keys()]) recent(key, now);
  // Still full of live entries: forget the oldest keys rather than grow without bound.
  while (failures.size >= MAX_KEYS) failures.delete(failures.keys().next().value!);
  const keys = client === null ? [accountKey(email)] : [clientKey(email, client), accountKey(email)];
  for (const key of keys) failures.set(key, [...(failures.get(key) ?? []), now]);
}

/** A successful sign-in from this client clears its own count, not other clients' nor the account's. */
export function clearSignInFailures(email: string, client: string | null): void {
  if (client !== null) failures.delete(clientKey(email, client));
}
