import { describe, expect, it } from "vitest";
import { allModels, PROVIDERS, routesOf } from "../providers/registry";
import { aiFamily } from "./family";
import { getFamily } from "./index";
import { perSecond } from "./price";
import { familyOf, priceOf, routeSpec } from "./route";

const family = aiFamily({
  id: "test-family",
  label: "Test",
  maker: "Maker",
  description: "A family for the test.",
  modes: ["text", "image"],
  durations: [4, 6, 8],
  aspectRatios: ["16:9", "9:16"],
  resolutions: ["720p", "1080p"],
  fps: [24],
  defaults: { durationSeconds: 8, aspectRatio: "16:9", resolution: "1080p", fps: 24 },
  negativePrompt: true,
  seed: true,
});

describe("routeSpec", () => {
  it("is the family narrowed to the offering, with the provider's id, price and wait", () => {
    const spec = routeSpec("acme", {
      family,
      providerModel: "acme/test",
      narrow: { resolutions: ["720p"], seed: false },
      price: perSecond(0.1),
      priceReadOn: "2026-12-01",
      typicalWaitSeconds: 30,
    });
    expect(spec).toMatchObject({
      id: "acme:acme/test",
      provider: "acme",
      family: "test-family",
      label: "Test (Maker)",
      modes: ["text", "image"],
      durations: [4, 6, 8],
      resolutions: ["720p"],
      seed: false,
      negativePrompt: true,
      // The family's 1080p default is not on this route: its first resolution is.
      defaults: { durationSeconds: 8, resolution: "720p" },
      pricePerSecondUsd: 0.1,
      typicalLatencySeconds: 30,
    });
  });

  it("keeps an offering's own default when the route allows it", () => {
    const spec = routeSpec("acme", { family, providerModel: "m", defaults: { durationSeconds: 4 }, price: { kind: "per_request", usd: 1 }, priceReadOn: "", typicalWaitSeconds: 1 });
    expect(spec.defaults.durationSeconds).toBe(4);
    // A per-video price has no per-second rate.
    expect(spec.pricePerSecondUsd).toBeNull();
    expect(priceOf(spec)).toEqual({ kind: "per_request", usd: 1 });
  });
});

describe("the built-in catalog as routes", () => {
  const builtIn = PROVIDERS.flatMap((p) => p.models);

  it("names a known family for every built-in model, and only narrows it", () => {
    for (const spec of builtIn) {
      const f = getFamily(spec.family ?? "");
      expect(f, spec.id).toBeDefined();
      for (const key of ["modes", "durations", "aspectRatios", "resolutions", "fps"] as const) {
        for (const v of spec[key] as readonly unknown[]) expect(f![key] as readonly unknown[], `${spec.id} ${key}`).toContain(v);
      }
      if (spec.negativePrompt) expect(f!.negativePrompt, spec.id).toBe(true);
      if (spec.seed) expect(f!.seed, spec.id).toBe(true);
      expect(spec.maxPromptLength).toBeLessThanOrEqual(f!.maxPromptLength);
      expect(spec.engine).toBe(f!.engine);
    }
  });

  it("offers Veo 3.1 on every provider that sells it, as routes of one family", () => {
    const providers = (family: string) => routesOf(family).map((m) => m.provider);
    expect(providers("veo-3.1")).toEqual(["replicate", "fal", "skytells", "modelslab"]);
    expect(providers("veo-3.1-fast")).toEqual(["replicate", "fal", "skytells", "modelslab"]);
    expect(providers("kling-2.1-master")).toEqual(["fal", "modelslab"]);
    expect(providers("seedance-1-pro")).toEqual(["replicate", "fal"]);
    // Both of Replicate's Wan 2.2 models (text and image) are routes of the one family.
    expect(routesOf("wan-2.2").map((m) => m.id)).toEqual([
      "replicate:wan-video/wan-2.2-t2v-fast",
      "replicate:wan-video/wan-2.2-i2v-fast",
      "fal:fal-ai/wan/v2.2-a14b/text-to-video",
      "modelslab:wan2.2",
    ]);
  });

  it("agrees on a family's defaults across its routes where the routes allow them (no drift)", () => {
    const veo = routesOf("veo-3.1");
    expect(new Set(veo.map((m) => m.defaults.resolution))).toEqual(new Set(["720p"]));
    expect(new Set(veo.map((m) => m.defaults.durationSeconds))).toEqual(new Set([8]));
  });

  it("makes a model only a provider's list knows a family of its own", () => {
    expect(familyOf({ id: "gateway:grok-video" })).toBe("gateway:grok-video");
    expect(allModels().every((m) => familyOf(m).length > 0)).toBe(true);
  });
});
