import { describe, expect, it } from "vitest";
import { wrapCaption } from "./caption-text";

describe("wrapCaption", () => {
  it("wraps on spaces within the width", () => {
    const out = wrapCaption("the quick brown fox jumps over the lazy dog", 12, 10);
    expect(out.split("\n")).toEqual(["the quick", "brown fox", "jumps over", "the lazy dog"]);
  });

  it("turns newlines, tabs and control characters into single spaces", () => {
    expect(wrapCaption("a\r\nb\t\tc\u0000d\u200be", 40, 3)).toBe("a b c d e");
  });

  it("keeps %, quotes, colons and backslashes as typed", () => {
    expect(wrapCaption(`100% "real": it's {x} \\n`, 40, 3)).toBe(`100% "real": it's {x} \\n`);
  });

  it("splits a word longer than a line", () => {
    expect(wrapCaption("a".repeat(25), 10, 5).split("\n")).toEqual(["a".repeat(10), "a".repeat(10), "a".repeat(5)]);
  });

  it("cuts with an ellipsis after the last allowed line", () => {
    const lines = wrapCaption("word ".repeat(200), 20, 3).split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[2]?.endsWith("…")).toBe(true);
    for (const l of lines) expect(Array.from(l).length).toBeLessThanOrEqual(20);
  });

  it("counts wide characters double", () => {
    const lines = wrapCaption("日本語のテキストです日本語のテキストです", 10, 10).split("\n");
    for (const l of lines) expect(Array.from(l).length).toBeLessThanOrEqual(5);
  });

  it("is empty for a blank prompt", () => {
    expect(wrapCaption(" \n\t ", 20, 3)).toBe("");
  });
});
