import { describe, expect, it } from "vitest";
import { formatBytes, formatCost, formatSeconds, formatUsd, promptStart } from "./format-job";

describe("formatUsd", () => {
  it("shows cents, or tenths of a cent when the cents are not exact", () => {
    expect(formatUsd(1.2)).toBe("$1.20");
    expect(formatUsd(0.05)).toBe("$0.05");
    expect(formatUsd(0.004)).toBe("$0.004");
  });
});

describe("formatCost", () => {
  it("is free for the local preview and for a price of zero", () => {
    expect(formatCost(0.1, 5, "preview")).toBe("Free");
    expect(formatCost(0, 5, "ai")).toBe("Free");
  });
  it("multiplies the price per second by the length, to the cent", () => {
    expect(formatCost(0.1, 8, "ai")).toBe("$0.80");
    expect(formatCost(0.004, 5, "ai")).toBe("$0.02");
  });
  it("says when there is no published price", () => {
    expect(formatCost(null, 5, "ai")).toBe("price not published");
    expect(formatCost(undefined, 5, "ai")).toBe("price not published");
  });
});

describe("formatSeconds", () => {
  it("reads naturally at each scale", () => {
    expect(formatSeconds(0)).toBe("0 s");
    expect(formatSeconds(-3)).toBe("0 s");
    expect(formatSeconds(42.4)).toBe("42 s");
    expect(formatSeconds(65)).toBe("1 min 5 s");
    expect(formatSeconds(90)).toBe("1 min 30 s");
    expect(formatSeconds(240)).toBe("4 min");
    expect(formatSeconds(12 * 60 + 30)).toBe("12 min");
    expect(formatSeconds(3 * 3600 + 7 * 60)).toBe("3 h 7 min");
  });
});

describe("formatBytes", () => {
  it("uses B, kB and MB", () => {
    expect(formatBytes(900)).toBe("900 B");
    expect(formatBytes(20_480)).toBe("20 kB");
    expect(formatBytes(3.5 * 1024 * 1024)).toBe("3.5 MB");
    expect(formatBytes(15 * 1024 * 1024)).toBe("15.0 MB");
  });
});

describe("promptStart", () => {
  it("flattens whitespace and keeps short prompts whole", () => {
    expect(promptStart("  a lighthouse   at dusk ")).toBe("a lighthouse at dusk");
  });
  it("cuts long prompts at a word, within the limit", () => {
    expect(promptStart("a slow dolly in on an old wooden boat drifting across a misty lake", 30)).toBe("a slow dolly in on an old…");
    const long = promptStart("word ".repeat(40), 30);
    expect(long.length).toBeLessThanOrEqual(30);
    expect(long.endsWith("word…")).toBe(true);
  });
  it("drops punctuation left at the cut", () => {
    expect(promptStart("fog rolls in, slowly, over the bay at night", 20)).toBe("fog rolls in…");
  });
});
