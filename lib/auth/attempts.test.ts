import { describe, expect, it } from "vitest";
import { clearSignInFailures, recordSignInFailure, signInBlockedFor } from "./attempts";

describe("sign-in attempts", () => {
  it("blocks one client after 10 failures for an account, but not another client", () => {
    const now = 1_000_000;
    for (let i = 0; i < 10; i++) recordSignInFailure("a@x.test", "1.1.1.1", now);
    expect(signInBlockedFor("a@x.test", "1.1.1.1", now)).toBe(600);
    expect(signInBlockedFor("a@x.test", "2.2.2.2", now)).toBe(0);
    expect(signInBlockedFor("a@x.test", "1.1.1.1", now + 600_000)).toBe(0);
  });

  it("caps guessing from many clients at 100 failures per account", () => {
    const now = 2_000_000;
    for (let i = 0; i < 100; i++) recordSignInFailure("b@x.test", `10.0.0.${i}`, now);
    expect(signInBlockedFor("b@x.test", "9.9.9.9", now)).toBeGreaterThan(0);
  });

  it("a success clears only that client's count", () => {
    const now = 3_000_000;
    for (let i = 0; i < 10; i++) recordSignInFailure("c@x.test", "1.1.1.1", now);
    clearSignInFailures("c@x.test", "1.1.1.1");
    expect(signInBlockedFor("c@x.test", "1.1.1.1", now)).toBe(0);
  });
});
