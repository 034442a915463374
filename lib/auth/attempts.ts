import "server-only";

const WINDOW_MS = 10 * 60_000;
const MAX_FAILURES = 10;
const failures = new Map<string, number[]>();

/** Slows password guessing: after 10 failed sign-ins for one email in 10 minutes, wait. Returns seconds to wait, or 0. */
export function signInBlockedFor(email: string, now = Date.now()): number {
  const recent = (failures.get(email) ?? []).filter((t) => now - t < WINDOW_MS);
  failures.set(email, recent);
  if (recent.length < MAX_FAILURES) return 0;
  return Math.ceil((recent[0]! + WINDOW_MS - now) / 1000);
}

export function recordSignInFailure(email: string, now = Date.now()): void {
  const list = failures.get(email) ?? [];
  list.push(now);
  failures.set(email, list);
  if (failures.size > 10_000) failures.delete(failures.keys().next().value!);
}

export function clearSignInFailures(email: string): void {
  failures.delete(email);
}
