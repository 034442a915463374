import { describe, expect, it } from "vitest";
import { frameSize } from "./frame-size";

describe("frameSize", () => {
  it.each([
    ["16:9", "720p", 1280, 720],
    ["9:16", "720p", 720, 1280],
    ["1:1", "720p", 720, 720],
    ["4:3", "720p", 960, 720],
    ["3:4", "720p", 720, 960],
    ["16:9", "480p", 854, 480],
    ["9:16", "480p", 480, 854],
    ["4:3", "480p", 640, 480],
    ["16:9", "1080p", 1920, 1080],
    ["9:16", "1080p", 1080, 1920],
    ["21:9", "720p", 1680, 720],
  ] as const)("%s at %s is %ix%i", (aspect, res, width, height) => {
    expect(frameSize(aspect, res)).toEqual({ width, height });
  });

  it("gives even sizes for every offered combination", () => {
    for (const a of ["16:9", "9:16", "1:1", "4:3", "3:4"] as const)
      for (const r of ["480p", "720p", "1080p"]) {
        const { width, height } = frameSize(a, r);
        expect(width % 2).toBe(0);
        expect(height % 2).toBe(0);
        expect(Math.min(width, height)).toBe(Number.parseInt(r, 10));
      }
  });

  it("refuses what it does not know", () => {
    expect(() => frameSize("16:9", "4k")).toThrow(/resolution/);
    expect(() => frameSize("wide", "720p")).toThrow(/aspect/);
  });
});
