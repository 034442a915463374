import { describe, expect, it } from "vitest";
import { snapSettings, type SettingsLimits } from "./snap-settings";

const local: SettingsLimits = {
  aspectRatios: ["16:9", "9:16", "1:1", "4:3", "3:4"],
  durations: [2, 3, 4, 5, 6, 8, 10],
  resolutions: ["480p", "720p", "1080p"],
  fps: [24, 30],
  defaults: { aspectRatio: "16:9", durationSeconds: 5, resolution: "720p", fps: 24 },
};

const veo: SettingsLimits = {
  aspectRatios: ["16:9", "9:16"],
  durations: [4, 6, 8],
  resolutions: ["720p", "1080p"],
  fps: [24],
  defaults: { aspectRatio: "16:9", durationSeconds: 8, resolution: "1080p", fps: 24 },
};

const ltx: SettingsLimits = {
  aspectRatios: ["16:9", "9:16", "1:1", "4:3", "3:4", "21:9"],
  durations: [4, 5, 8],
  resolutions: ["512p", "640p", "768p", "1024p"],
  fps: [24],
  defaults: { aspectRatio: "16:9", durationSeconds: 4, resolution: "640p", fps: 24 },
};

describe("snapSettings", () => {
  it("keeps every setting the new model allows", () => {
    const current = { aspectRatio: "9:16", durationSeconds: 6, resolution: "720p", fps: 24 };
    expect(snapSettings(current, veo)).toEqual(current);
  });

  it("moves a duration to the nearest allowed one, the shorter on a tie", () => {
    expect(snapSettings({ durationSeconds: 10 }, veo).durationSeconds).toBe(8);
    expect(snapSettings({ durationSeconds: 2 }, veo).durationSeconds).toBe(4);
    expect(snapSettings({ durationSeconds: 7 }, { ...veo, defaults: { ...veo.defaults, durationSeconds: 4 } }).durationSeconds).toBe(6);
    expect(snapSettings({ durationSeconds: 5 }, { ...veo, defaults: { ...veo.defaults, durationSeconds: 8 } }).durationSeconds).toBe(4);
  });

  it("prefers the model's default when it is one of the tied values", () => {
    expect(snapSettings({ durationSeconds: 7 }, veo).durationSeconds).toBe(8);
  });

  it("moves a resolution to the nearest height", () => {
    expect(snapSettings({ resolution: "480p" }, veo).resolution).toBe("720p");
    expect(snapSettings({ resolution: "1080p" }, ltx).resolution).toBe("1024p");
    expect(snapSettings({ resolution: "720p" }, ltx).resolution).toBe("768p");
  });

  it("moves an aspect ratio to the nearest shape", () => {
    expect(snapSettings({ aspectRatio: "21:9" }, local).aspectRatio).toBe("16:9");
    expect(snapSettings({ aspectRatio: "9:21" }, local).aspectRatio).toBe("9:16");
    expect(snapSettings({ aspectRatio: "4:3" }, veo).aspectRatio).toBe("16:9");
    expect(snapSettings({ aspectRatio: "3:4" }, veo).aspectRatio).toBe("9:16");
    // 1:1 is as far from 16:9 as from 9:16: the default wins.
    expect(snapSettings({ aspectRatio: "1:1" }, veo).aspectRatio).toBe("16:9");
  });

  it("moves the frame rate to the nearest allowed one", () => {
    expect(snapSettings({ fps: 30 }, veo).fps).toBe(24);
    expect(snapSettings({ fps: 16 }, local).fps).toBe(24);
  });

  it("fills missing or unreadable values with the model's defaults", () => {
    expect(snapSettings({}, veo)).toEqual(veo.defaults);
    expect(snapSettings({ aspectRatio: "wide", resolution: "HD", durationSeconds: Number.NaN }, veo)).toEqual(veo.defaults);
  });

  it("keeps what fits and snaps the rest in one switch", () => {
    const fromLocal = { aspectRatio: "1:1", durationSeconds: 10, resolution: "480p", fps: 30 };
    expect(snapSettings(fromLocal, ltx)).toEqual({ aspectRatio: "1:1", durationSeconds: 8, resolution: "512p", fps: 24 });
  });
});
