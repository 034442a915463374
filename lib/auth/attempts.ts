import "server-only";

const WINDOW_MS = 10 * 60_000;
/** Failures allowed from one address for one account, per window. */
const PER_CLIENT = 10;
/**
 * Failures allowed for one account from everywhere together. Higher, so one noisy address can
 * lock out only itself, while guessing from many addresses is still capped.
 */
const PER_ACCOUNT = 100;
const MAX_KEYS = 10_000;

const failures = new Map<string, number[]>();

function recent(key: string, now: number): number[] {
  const list = (failures.get(key) ?? []).filter((t) => now - t < WINDOW_MS);
  if (list.length) failures.set(key, list);
  else failures.delete(key);
  return list;
}

function waitFor(list: number[], limit: number, now: number): number {
  return list.length < limit ? 0 : Math.ceil((list[list.length - limit]! + WINDOW_MS - now) / 1000);
}

/** Seconds to wait before another sign-in for this email from this client, or 0. */
export function signInBlockedFor(email: string, client: string, now = Date.now()): number {
  return Math.max(waitFor(recent(`${client}|${email}`, now), PER_CLIENT, now), waitFor(recent(email, now), PER_ACCOUNT, now));
}

export function recordSignInFailure(email: string, client: string, now = Date.now()): void {
  if (failures.size >= MAX_KEYS) for (const key of [...failures.keys()]) recent(key, now);
  // Still full of live entries: forget the oldest keys rather than grow without bound.
  while (failures.size >= MAX_KEYS) failures.delete(failures.keys().next().value!);
  for (const key of [`${client}|${email}`, email]) failures.set(key, [...(failures.get(key) ?? []), now]);
}

/** A successful sign-in from this client clears its own count, not other clients'. */
export function clearSignInFailures(email: string, client: string): void {
  failures.delete(`${client}|${email}`);
}
