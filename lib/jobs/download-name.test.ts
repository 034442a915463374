import { describe, expect, it } from "vitest";
import { downloadName } from "./download-name";

describe("downloadName", () => {
  it("slugs the prompt", () => {
    expect(downloadName("A lighthouse at dusk!")).toBe("a-lighthouse-at-dusk.mp4");
  });

  it("drops accents and punctuation and collapses separators", () => {
    expect(downloadName("  Café --- crème brûlée, 4K / slow-mo  ")).toBe("cafe-creme-brulee-4k-slow-mo.mp4");
  });

  it("keeps letters of other scripts", () => {
    expect(downloadName("東京の夜 neon")).toBe("東京の夜-neon.mp4");
  });

  it("cuts long prompts between words at 60 characters", () => {
    const name = downloadName("a slow dolly in on an old wooden boat drifting across a misty lake at sunrise, cinematic");
    const stem = name.replace(/\.mp4$/, "");
    expect(stem.length).toBeLessThanOrEqual(60);
    expect(stem).toBe("a-slow-dolly-in-on-an-old-wooden-boat-drifting-across-a");
  });

  it("cuts a single very long word", () => {
    expect(downloadName("x".repeat(100))).toBe(`${"x".repeat(60)}.mp4`);
  });

  it("falls back to video when nothing is left", () => {
    expect(downloadName("!!! ???")).toBe("video.mp4");
  });

  it("keeps a webm extension from the stored file", () => {
    expect(downloadName("rain", "/media/videos/abc12345.webm")).toBe("rain.webm");
    expect(downloadName("rain", "/media/videos/abc12345.mp4")).toBe("rain.mp4");
  });
});
