import { describe, expect, it } from "vitest";
import { cameraMoveFilter, cameraMoveFromPrompt } from "./camera-move";

describe("cameraMoveFromPrompt", () => {
  it.each([
    ["slow dolly in on the lighthouse", "dolly-in"],
    ["Zoom in to her face", "dolly-in"],
    ["camera pushes in", "dolly-in"],
    ["dolly out to reveal the valley", "dolly-out"],
    ["zoom-out, wide shot", "dolly-out"],
    ["pull back from the crowd", "dolly-out"],
    ["pan left across the skyline", "pan-left"],
    ["panning to the right", "pan-right"],
    ["tilt up to the sky", "tilt-up"],
    ["Tilting down onto the street", "tilt-down"],
    ["a cat on a windowsill", "dolly-in"],
    ["a panda on the left", "dolly-in"],
  ] as const)("%s -> %s", (prompt, move) => {
    expect(cameraMoveFromPrompt(prompt)).toBe(move);
  });

  it("takes the first move named", () => {
    expect(cameraMoveFromPrompt("pan right, then zoom in")).toBe("pan-right");
  });
});

describe("cameraMoveFilter", () => {
  it("cover-crops to the frame and moves with sub-pixel perspective", () => {
    const f = cameraMoveFilter({ move: "pan-left", width: 1280, height: 720, fps: 24, frames: 120 });
    expect(f).toContain("scale=1280:720");
    expect(f).toContain("loop=loop=119");
    expect(f).toContain("eval=frame");
    expect(f).not.toMatch(/zoompan|xfade|gradients/);
  });
});
