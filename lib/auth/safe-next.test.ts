import { describe, expect, it } from "vitest";
import { safeNext } from "./safe-next";

describe("safeNext", () => {
  it("keeps paths on this site, with their query and hash", () => {
    expect(safeNext("/jobs/abc?x=1#t")).toBe("/jobs/abc?x=1#t");
    expect(safeNext("/gallery")).toBe("/gallery");
  });

  it("sends everything that would leave the site to /", () => {
    for (const next of ["//evil.com", "/\\evil.com", "/\t/evil.com", "/\n/evil.com", "\\\\evil.com", "https://evil.com/x", "javascript:alert(1)", " //evil.com"])
      expect(safeNext(next), JSON.stringify(next)).toBe("/");
  });

  it("treats a missing value as home", () => {
    expect(safeNext(undefined)).toBe("/");
    expect(safeNext("")).toBe("/");
  });
});
