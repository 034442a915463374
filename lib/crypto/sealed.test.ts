import { describe, expect, it } from "vitest";
import { seal, unseal } from "./sealed";

const SECRET = "x".repeat(40);

describe("sealed secrets", () => {
  it("opens what it sealed, and only with the same APP_SECRET and purpose", () => {
    const sealed = seal(SECRET, "webhook-endpoint", "whsec_abc");
    expect(sealed).not.toContain("whsec_abc");
    expect(unseal(SECRET, "webhook-endpoint", sealed)).toBe("whsec_abc");
    expect(unseal("y".repeat(40), "webhook-endpoint", sealed)).toBeNull();
    expect(unseal(SECRET, "other", sealed)).toBeNull();
  });

  it("refuses a tampered or malformed value", () => {
    const [v, iv, tag, data] = seal(SECRET, "p", "hello").split(".");
    const flipped = data!.slice(0, -1) + (data!.endsWith("A") ? "B" : "A");
    expect(unseal(SECRET, "p", [v, iv, tag, flipped].join("."))).toBeNull();
    expect(unseal(SECRET, "p", "garbage")).toBeNull();
  });
});
