import { describe, expect, it } from "vitest";
import { ERROR_CODES } from "../providers/types";
import { routeStory, shouldFallBack } from "./fallback-policy";

const on = { enabled: true, hasNextRoute: true };
const facts = (errorCode: (typeof ERROR_CODES)[number], more: { retryable?: boolean; started?: boolean } = {}) => ({ errorCode, retryable: false, started: false, ...more });

describe("shouldFallBack", () => {
  it("moves on for rate limits, an empty wallet and an outage", () => {
    expect(shouldFallBack(facts("rate_limited"), on)).toBe(true);
    expect(shouldFallBack(facts("quota_exhausted"), on)).toBe(true);
    expect(shouldFallBack(facts("provider_error", { retryable: true }), on)).toBe(true);
  });

  it("moves on after a timeout only if the provider had not started", () => {
    expect(shouldFallBack(facts("timeout"), on)).toBe(true);
    expect(shouldFallBack(facts("timeout", { started: true }), on)).toBe(false);
  });

  it("never moves on for a safety refusal or an invalid request, retryable or not", () => {
    for (const retryable of [false, true]) {
      expect(shouldFallBack(facts("content_policy", { retryable }), on)).toBe(false);
      expect(shouldFallBack(facts("invalid_input", { retryable }), on)).toBe(false);
    }
  });

  it("fails a generation the provider gave up on (provider_error, not retryable) and the other codes", () => {
    expect(shouldFallBack(facts("provider_error"), on)).toBe(false);
    for (const code of ["output_expired", "canceled_by_provider", "internal"] as const) expect(shouldFallBack(facts(code, { retryable: true }), on)).toBe(false);
  });

  it("does not move when the person turned fallback off, or no route is left", () => {
    expect(shouldFallBack(facts("rate_limited"), { enabled: false, hasNextRoute: true })).toBe(false);
    expect(shouldFallBack(facts("rate_limited"), { enabled: true, hasNextRoute: false })).toBe(false);
  });

  it("has an answer for every error code", () => {
    for (const code of ERROR_CODES) expect(typeof shouldFallBack(facts(code), on)).toBe("boolean");
  });
});

describe("routeStory", () => {
  const made = (providerLabel: string) => ({ providerLabel, outcome: "made" as const });
  it("says what happened on the way to the provider that made it", () => {
    expect(routeStory([{ providerLabel: "Replicate", errorCode: "rate_limited" }], made("fal"))).toBe("Replicate was rate limited → made by fal");
    expect(
      routeStory(
        [
          { providerLabel: "Replicate", errorCode: "quota_exhausted" },
          { providerLabel: "fal", errorCode: "provider_error" },
        ],
        made("Skytells"),
      ),
    ).toBe("Replicate was out of credit → fal was unavailable → made by Skytells");
  });
  it("says which provider is trying now, and nothing for a job that never moved", () => {
    expect(routeStory([{ providerLabel: "Replicate", errorCode: "timeout" }], { providerLabel: "fal", outcome: "trying" })).toBe(
      "Replicate did not start in time → trying fal",
    );
    expect(routeStory([], made("fal"))).toBeNull();
  });
});
