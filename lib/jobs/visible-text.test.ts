import { describe, expect, it } from "vitest";
import { hasVisibleText } from "./visible-text";

describe("hasVisibleText", () => {
  it("refuses text made only of spaces, zero-width and blank characters", () => {
    for (const text of ["", "   ", "\u200B\u200B", "\u200C\u200D\u2060\uFEFF", "\u00AD", "\u3164\u115F", "\u2800", "\u0301\u0301", "\u3000\u00A0\t\n"])
      expect(hasVisibleText(text), JSON.stringify(text)).toBe(false);
  });

  it("accepts any script, digits, punctuation and emoji", () => {
    for (const text of ["a slow dolly in", "日本の港", "\u200Bx\u200B", "42", "?", "🎬", "é"]) expect(hasVisibleText(text), text).toBe(true);
  });
});
