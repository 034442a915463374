import { describe, expect, it } from "vitest";
import { nextStep } from "./next-step";

describe("nextStep", () => {
  it("offers editing, not retrying, for refusals and invalid input", () => {
    expect(nextStep("failed", "content_policy")).toBe("edit");
    expect(nextStep("failed", "invalid_input")).toBe("edit");
  });
  it("sends an out-of-credit failure to the provider's settings", () => {
    expect(nextStep("failed", "quota_exhausted")).toBe("check-provider");
  });
  it("retries what may pass, and anything not failed", () => {
    for (const code of ["provider_error", "timeout", "rate_limited", "output_expired", "internal", null]) expect(nextStep("failed", code)).toBe("retry");
    expect(nextStep("canceled", null)).toBe("retry");
    expect(nextStep("succeeded", null)).toBe("retry");
  });
});
