/** When a failed delivery is tried again: pure, so the schedule is easy to read and test. */

/** Retries stop this long after the event (or after "Send again"). */
export const RETRY_WINDOW_MS = 24 * 60 * 60 * 1000;

/** Waits after the 1st, 2nd, ... failed try (Standard Webhooks' suggested schedule); the last repeats. */
export const RETRY_DELAYS_MS = [5_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 5 * 3_600_000, 10 * 3_600_000];

export type AfterFailure = { status: "pending"; nextAttemptAt: number } | { status: "failed"; nextAttemptAt: number };

/**
 * After the `attempts`-th failed try at `now`: the next try, or "failed" once the window has
 * closed. The window's end itself always gets one last try.
 */
export function afterFailure(attempts: number, now: number, expiresAt: number): AfterFailure {
  if (now >= expiresAt) return { status: "failed", nextAttemptAt: now };
  const delay = RETRY_DELAYS_MS[Math.min(Math.max(attempts, 1), RETRY_DELAYS_MS.length) - 1]!;
  return { status: "pending", nextAttemptAt: Math.min(now + delay, expiresAt) };
}
