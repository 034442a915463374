import { describe, expect, it } from "vitest";
import { matchFamily, modelTokens } from "./match-family";

describe("matchFamily", () => {
  it("finds the family in a provider's own model ids and names", () => {
    expect(matchFamily("fal-ai/veo3.1")).toBe("veo-3.1");
    expect(matchFamily("veo-3.1-fast-generate-preview")).toBe("veo-3.1-fast");
    expect(matchFamily("fal-ai/kling-video/v2.1/master/text-to-video")).toBe("kling-2.1-master");
    expect(matchFamily("kwaivgi/kling-v2.1")).toBe("kling-2.1");
    expect(matchFamily("minimax/hailuo-02")).toBe("hailuo-02");
    expect(matchFamily("wan2.2-t2v-a14b")).toBe("wan-2.2");
    expect(matchFamily("lightricks/ltx-video-0.9.8")).toBe("ltx-video");
    expect(matchFamily("some-id", "Seedance 1 Lite")).toBe("seedance-1-lite");
  });

  it("leaves alone a later version, another variant, and names it does not know", () => {
    expect(matchFamily("veo-3.2")).toBeUndefined();
    expect(matchFamily("bytedance/seedance-1-pro-fast")).toBeUndefined();
    expect(matchFamily("wan-2.1")).toBeUndefined();
    expect(matchFamily("sora-2", "Sora 2")).toBeUndefined();
    expect(matchFamily("local-preview")).toBeUndefined();
  });

  it("splits letters from numbers and drops words that name no model", () => {
    expect(modelTokens("fal-ai/veo3.1/image-to-video")).toEqual(["veo", "3", "1"]);
    expect(modelTokens("Hailuo 02")).toEqual(["hailuo", "02"]);
  });
});
