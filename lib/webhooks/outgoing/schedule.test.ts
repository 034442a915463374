import { describe, expect, it } from "vitest";
import { afterFailure, RETRY_DELAYS_MS, RETRY_WINDOW_MS } from "./schedule";

const T0 = 1_800_000_000_000;

describe("afterFailure", () => {
  it("backs off along the schedule, repeating the last wait", () => {
    const end = T0 + RETRY_WINDOW_MS;
    expect(afterFailure(1, T0, end)).toEqual({ status: "pending", nextAttemptAt: T0 + 5_000 });
    expect(afterFailure(2, T0, end)).toEqual({ status: "pending", nextAttemptAt: T0 + 300_000 });
    expect(afterFailure(RETRY_DELAYS_MS.length + 3, T0, end).nextAttemptAt).toBe(T0 + 10 * 3_600_000);
  });

  it("keeps one last try for the end of the window, then gives up", () => {
    const end = T0 + RETRY_WINDOW_MS;
    const late = end - 60_000;
    expect(afterFailure(6, late, end)).toEqual({ status: "pending", nextAttemptAt: end });
    expect(afterFailure(7, end, end).status).toBe("failed");
  });

  it("tries for 24 hours in all, about a dozen times", () => {
    let now = T0;
    let tries = 0;
    for (;;) {
      tries++;
      const next = afterFailure(tries, now, T0 + RETRY_WINDOW_MS);
      if (next.status === "failed") break;
      now = next.nextAttemptAt;
    }
    expect(now).toBe(T0 + RETRY_WINDOW_MS);
    expect(tries).toBeGreaterThan(6);
    expect(tries).toBeLessThan(12);
  });
});
