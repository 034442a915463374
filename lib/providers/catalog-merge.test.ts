import { describe, expect, it } from "vitest";
import { mergeCatalog, mergeModel, retiredAfter, usableSpecs } from "./catalog-merge";
import type { ModelSpec } from "./types";

function spec(id: string, over: Partial<ModelSpec> = {}): ModelSpec {
  return {
    id: `acme:${id}`,
    provider: "acme",
    engine: "ai",
    providerModel: id,
    label: `Built-in ${id}`,
    description: `What Dailies says about ${id}.`,
    modes: ["text"],
    durations: [5, 10],
    aspectRatios: ["16:9", "9:16"],
    resolutions: ["720p"],
    fps: [24],
    defaults: { durationSeconds: 5, aspectRatio: "16:9", resolution: "720p", fps: 24 },
    negativePrompt: false,
    seed: false,
    maxPromptLength: 2000,
    pricePerSecondUsd: 0.1,
    priceReadOn: "2026-11-01",
    typicalLatencySeconds: 90,
    ...over,
  };
}

describe("mergeModel", () => {
  const builtIn = spec("veo", { options: [{ key: "generate_audio", label: "Audio", kind: "boolean", default: true }] });
  const listed = spec("veo", {
    label: "veo (as listed)",
    description: "The provider's blurb.",
    pricePerSecondUsd: 0.3,
    priceReadOn: "2026-12-01",
    typicalLatencySeconds: 30,
    modes: ["text", "image"],
    durations: [4, 6],
    aspectRatios: ["1:1"],
    resolutions: ["480p", "1080p"],
    fps: [16, 30],
    negativePrompt: true,
    seed: true,
    options: [{ key: "camerafixed", label: "Camera fixed", kind: "boolean", default: false }],
    defaults: { durationSeconds: 4, aspectRatio: "1:1", resolution: "1080p", fps: 30 },
  });

  it("keeps the built-in words, price and wait, and takes what the provider accepts from its list", () => {
    const m = mergeModel(builtIn, listed);
    expect(m).toMatchObject({
      label: "Built-in veo",
      description: "What Dailies says about veo.",
      pricePerSecondUsd: 0.1,
      priceReadOn: "2026-11-01",
      typicalLatencySeconds: 90,
      modes: ["text", "image"],
      durations: [4, 6],
      aspectRatios: ["1:1"],
      resolutions: ["480p", "1080p"],
      fps: [16, 30],
      negativePrompt: true,
      seed: true,
    });
    expect(m.options?.map((o) => o.key)).toEqual(["camerafixed"]);
  });

  it("moves a built-in default the provider no longer accepts to the provider's own", () => {
    const m = mergeModel(spec("veo", { defaults: { durationSeconds: 10, aspectRatio: "16:9", resolution: "720p", fps: 24 } }), listed);
    expect(m.defaults).toEqual({ durationSeconds: 4, aspectRatio: "1:1", resolution: "1080p", fps: 30 });
  });

  it("keeps a built-in default the list still allows", () => {
    const m = mergeModel(spec("veo"), spec("veo", { durations: [4, 5, 6], defaults: { durationSeconds: 4, aspectRatio: "16:9", resolution: "720p", fps: 24 } }));
    expect(m.defaults.durationSeconds).toBe(5);
  });

  it("takes the list's price where the built-in data has none", () => {
    const m = mergeModel(spec("veo", { pricePerSecondUsd: null, priceReadOn: "" }), listed);
    expect([m.pricePerSecondUsd, m.priceReadOn]).toEqual([0.3, "2026-12-01"]);
  });

  it("keeps built-in options when the list says nothing about options, and drops them when it lists none", () => {
    const silent = { ...listed };
    delete silent.options;
    expect(mergeModel(builtIn, silent).options?.map((o) => o.key)).toEqual(["generate_audio"]);
    expect(mergeModel(builtIn, { ...listed, options: [] }).options).toEqual([]);
  });

  it("keeps an adapter's own fields from the list (its wire data)", () => {
    const m = mergeModel(builtIn, { ...listed, wire: { duration: "len" } } as ModelSpec);
    expect((m as ModelSpec & { wire?: unknown }).wire).toEqual({ duration: "len" });
  });
});

describe("mergeCatalog", () => {
  const builtIn = [spec("a"), spec("b"), spec("c")];

  it("offers the built-in models while no list has been fetched", () => {
    const merged = mergeCatalog(builtIn, null);
    expect(merged.models.map((m) => m.id)).toEqual(["acme:a", "acme:b", "acme:c"]);
    expect(merged.hidden.size).toBe(0);
  });

  it("hides a built-in model the provider no longer lists, but still knows it", () => {
    const merged = mergeCatalog(builtIn, { listed: [spec("a", { durations: [4, 6] }), spec("c")], retired: [] });
    expect([...merged.hidden]).toEqual(["acme:b"]);
    expect(merged.models.find((m) => m.id === "acme:b")?.label).toBe("Built-in b");
    expect(merged.models.find((m) => m.id === "acme:a")?.durations).toEqual([4, 6]);
  });

  it("never hides a built-in model marked as not on the provider's list", () => {
    const merged = mergeCatalog([spec("a"), spec("v6", { listed: false })], { listed: [spec("a")], retired: [] });
    expect(merged.hidden.size).toBe(0);
    expect(merged.models.map((m) => m.id)).toEqual(["acme:a", "acme:v6"]);
  });

  it("makes a model only the provider lists a route of the family its id names", () => {
    const merged = mergeCatalog([], { listed: [spec("fal-ai/veo3.1/fast"), spec("sora-2", { label: "Sora 2" }), spec("x-1", { family: "kling-2.1" })], retired: [] });
    expect(merged.models.map((m) => m.family)).toEqual(["veo-3.1-fast", undefined, "kling-2.1"]);
  });

  it("adds models only the provider knows, after the built-in ones", () => {
    const merged = mergeCatalog(builtIn, { listed: [spec("new", { label: "Listed new" }), spec("c"), spec("a"), spec("b")], retired: [] });
    expect(merged.models.map((m) => m.id)).toEqual(["acme:a", "acme:b", "acme:c", "acme:new"]);
    expect(merged.models.at(-1)?.label).toBe("Listed new");
  });
});

describe("models only an earlier list had", () => {
  it("are remembered when the provider drops them, most recently listed first, until listed again", () => {
    const first = { listed: [spec("x"), spec("y")], retired: [] };
    const second = { listed: [spec("y")], retired: retiredAfter(first, [spec("y")]) };
    expect(second.retired.map((m) => m.id)).toEqual(["acme:x"]);
    const third = { listed: [spec("x")], retired: retiredAfter(second, [spec("x")]) };
    expect(third.retired.map((m) => m.id)).toEqual(["acme:y"]);
  });

  it("still resolve, hidden, so old jobs keep their name (a provider with no built-in data)", () => {
    const merged = mergeCatalog([], { listed: [spec("y")], retired: [spec("x", { label: "Gone" })] });
    expect(merged.models.map((m) => [m.id, m.label])).toEqual([
      ["acme:y", "Built-in y"],
      ["acme:x", "Gone"],
    ]);
    expect([...merged.hidden]).toEqual(["acme:x"]);
  });
});

describe("usableSpecs", () => {
  it("keeps well-formed specs of the provider and says why each other entry was left out", () => {
    const { specs, dropped } = usableSpecs("acme", [
      spec("ok"),
      spec("ok"),
      { ...spec("nodur"), durations: [] },
      { ...spec("other"), id: "rival:other", provider: "rival" },
      "not a spec",
      { ...spec("badopt"), options: [{ key: "style", label: "Style", kind: "choice", choices: ["a"], default: "z" }] },
    ]);
    expect(specs.map((s) => s.id)).toEqual(["acme:ok"]);
    expect(dropped).toHaveLength(5);
    expect(dropped.join("\n")).toMatch(/acme:ok: listed twice/);
    expect(dropped.join("\n")).toMatch(/acme:nodur: durations/);
    expect(dropped.join("\n")).toMatch(/rival:other: not one of acme's model ids/);
    expect(dropped.join("\n")).toMatch(/acme:badopt: options\.0 its default is not one of its choices/);
  });
});
