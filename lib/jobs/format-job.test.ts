import { describe, expect, it } from "vitest";
import { formatBytes, formatCost, formatSeconds, promptStart } from "./format-job";

describe("formatSeconds", () => {
  it("reads naturally at each scale", () => {
    expect(formatSeconds(0)).toBe("0 s");
    expect(formatSeconds(42.4)).toBe("42 s");
    expect(formatSeconds(65)).toBe("1 min 05 s");
    expect(formatSeconds(3 * 3600 + 7 * 60)).toBe("3 h 07 min");
    expect(formatSeconds(-3)).toBe("0 s");
  });
});

describe("formatBytes", () => {
  it("uses B, KB and MB", () => {
    expect(formatBytes(900)).toBe("900 B");
    expect(formatBytes(20_480)).toBe("20 KB");
    expect(formatBytes(3.5 * 1024 * 1024)).toBe("3.5 MB");
  });
});

describe("formatCost", () => {
  it("is free for the local preview", () => {
    expect(formatCost(0, 5, true)).toBe("Free");
  });
  it("multiplies the price per second by the length", () => {
    expect(formatCost(0.1, 8, false)).toBe("$0.80");
    expect(formatCost(0.004, 5, false)).toBe("$0.020");
  });
  it("says when there is no published price", () => {
    expect(formatCost(null, 5, false)).toBe("Not published by the provider");
  });
});

describe("promptStart", () => {
  it("keeps short prompts and cuts long ones at a word", () => {
    expect(promptStart("  a lighthouse   at dusk ")).toBe("a lighthouse at dusk");
    expect(promptStart("a slow dolly in on an old wooden boat drifting across a misty lake", 30)).toBe("a slow dolly in on an old…");
  });
});
