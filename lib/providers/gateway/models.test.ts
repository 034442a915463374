import { describe, expect, it } from "vitest";
import { optionWireValue, specsFromModelList } from "./models";

const list = (...data: unknown[]) => ({ data });

describe("specsFromModelList", () => {
  it("takes durations, aspect ratios and resolutions only from allowedParams", () => {
    const [spec, ...rest] = specsFromModelList(
      list({ id: "wan-2-1", allowedParams: { resolution: ["480p", "720p"], aspect_ratio: ["16:9", "1:1"], duration_seconds: [6, 4] } }),
      { imageInput: "url" },
    )!;
    expect(rest).toEqual([]);
    expect(spec).toMatchObject({
      id: "gateway:wan-2-1",
      provider: "gateway",
      providerModel: "wan-2-1",
      engine: "ai",
      imageInput: "url",
      label: "Wan 2.1",
      durations: [4, 6],
      aspectRatios: ["16:9", "1:1"],
      resolutions: ["480p", "720p"],
      defaults: { durationSeconds: 4, aspectRatio: "16:9", resolution: "720p" },
      negativePrompt: false,
      seed: false,
      options: [],
      pricePerSecondUsd: null,
    });
    expect(spec!.description).toContain("40 credits");
    expect(spec!.family).toBeUndefined();
  });

  it("makes the gateway's Veo a route of the Veo families, with the limits its list gives", () => {
    const specs = specsFromModelList(
      list({ id: "veo-3-1", allowedParams: { duration_seconds: [4, 8] } }, { id: "veo-3-1-fast", allowedParams: { duration_seconds: [8] } }),
      { imageInput: "url" },
    )!;
    expect(specs.map((s) => [s.id, s.family, s.durations])).toEqual([
      ["gateway:veo-3-1", "veo-3.1", [4, 8]],
      ["gateway:veo-3-1-fast", "veo-3.1-fast", [8]],
    ]);
  });

  it("reads bare arrays, `models` lists, numeric strings and {min, max, step} ranges", () => {
    const [a] = specsFromModelList([{ id: "x", allowedParams: { duration_seconds: ["5", 10, 5, "x", -1] } }], { imageInput: "url" })!;
    expect(a!.durations).toEqual([5, 10]);
    const [b] = specsFromModelList({ models: [{ id: "y", allowedParams: { duration_seconds: { min: 2, max: 8, step: 2 } } }] }, { imageInput: "base64" })!;
    expect(b!.durations).toEqual([2, 4, 6, 8]);
    expect(b!.imageInput).toBe("inline");
    expect(b!.label).toBe("y");
  });

  it("leaves out entries with no id, no durations or another modality, and aspect ratios Dailies cannot show", () => {
    const specs = specsFromModelList(
      list(
        { allowedParams: { duration_seconds: [4] } },
        { id: "no-durations", allowedParams: { resolution: ["720p"] } },
        { id: "image-model", modality: "image", allowedParams: { duration_seconds: [4] } },
        { id: "ok", modality: "video", allowedParams: { duration_seconds: [4], aspect_ratio: ["2.39:1", "9:16"] } },
      ),
      { imageInput: "url" },
    )!;
    expect(specs.map((s) => s.id)).toEqual(["gateway:ok"]);
    expect(specs[0]!.aspectRatios).toEqual(["9:16"]);
    expect(specs[0]!.defaults.aspectRatio).toBe("9:16");
  });

  it("turns other allowedParams into typed options and seed/negative_prompt into flags", () => {
    const [spec] = specsFromModelList(
      list({
        id: "grok-video",
        input_modalities: ["text"],
        allowedParams: { duration_seconds: [6], generate_audio: [true, false], fps: [16, 24], style: ["film", "anime"], seed: true, negative_prompt: true, odd: { a: 1 } },
      }),
      { imageInput: "url" },
    )!;
    expect(spec!.modes).toEqual(["text"]);
    expect(spec!.seed).toBe(true);
    expect(spec!.negativePrompt).toBe(true);
    expect(spec!.options).toEqual([
      { key: "generate_audio", label: "Generate audio", kind: "boolean", default: false },
      { key: "fps", label: "Fps", kind: "choice", choices: ["16", "24"], default: "16" },
      { key: "style", label: "Style", kind: "choice", choices: ["film", "anime"], default: "film" },
    ]);
    const [, fps, style] = spec!.options!;
    expect(optionWireValue(fps!, "24")).toBe(24);
    expect(optionWireValue(style!, "anime")).toBe("anime");
  });

  it("says it cannot read an answer without a list", () => {
    expect(specsFromModelList({ error: "nope" }, { imageInput: "url" })).toBeNull();
    expect(specsFromModelList(list(), { imageInput: "url" })).toEqual([]);
  });
});
