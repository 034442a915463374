import { describe, expect, it } from "vitest";
import { perSecond, UNKNOWN_PRICE } from "../models/price";
import { formatBytes, formatCost, formatSeconds, formatUsd, promptStart } from "./format-job";

describe("formatUsd", () => {
  it("shows cents, or tenths of a cent when the cents are not exact", () => {
    expect(formatUsd(1.2)).toBe("$1.20");
    expect(formatUsd(0.05)).toBe("$0.05");
    expect(formatUsd(0.004)).toBe("$0.004");
  });
});

describe("formatCost", () => {
  const at = (durationSeconds: number, resolution = "720p") => ({ durationSeconds, resolution });
  it("is free for the local preview and for a price of zero", () => {
    expect(formatCost({ engine: "preview", price: perSecond(0.1) }, at(5))).toBe("Free");
    expect(formatCost({ engine: "ai", price: perSecond(0) }, at(5))).toBe("Free");
  });
  it("is the route's estimate, to the cent (never below one)", () => {
    expect(formatCost({ engine: "ai", price: perSecond(0.1) }, at(8))).toBe("$0.80");
    expect(formatCost({ engine: "ai", price: perSecond(0.05, { byResolution: { "1080p": 0.09 } }) }, at(10, "1080p"))).toBe("$0.90");
    expect(formatCost({ engine: "ai", price: perSecond(0.001) }, at(2))).toBe("$0.01");
  });
  it("says when there is no published price", () => {
    expect(formatCost({ engine: "ai", price: UNKNOWN_PRICE }, at(5))).toBe("price not published");
    expect(formatCost(undefined, at(5))).toBe("price not published");
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
