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

  it("refuses paths whose dot segments resolve to a path starting with //", () => {
    const dotted = ["/.//evil.com/p", "/..//evil.com/p", "/%2e//evil.com/p", "/a/..//evil.com/p"];
    const encoded = ["/%2E//evil.com/p", "/%2e%2e//evil.com/p", "/.%2E//evil.com/p", "/a/%2e%2e//evil.com/p", "/.\\/evil.com/p", "/.\t//evil.com/p", "\\.//evil.com/p", "/./\\evil.com/p"];
    for (const next of [...dotted, ...encoded]) {
      const out = safeNext(next);
      expect(new URL(out, "https://studio.test").host, JSON.stringify(next)).toBe("studio.test");
      expect(out, JSON.stringify(next)).toBe("/");
    }
  });

  it("still keeps ordinary paths with dot segments on this site", () => {
    expect(safeNext("/a/../gallery")).toBe("/gallery");
    expect(safeNext("/./jobs/x")).toBe("/jobs/x");
  });

  it("treats a missing value as home", () => {
    expect(safeNext(undefined)).toBe("/");
    expect(safeNext("")).toBe("/");
  });
});
