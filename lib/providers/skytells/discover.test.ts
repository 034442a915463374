/** discover(): Skytells' GET /v1/models (and /v1/model/{slug}) from the fake, mapped to ModelSpecs. */
import { describe, expect, it } from "vitest";
import { DEFAULT_FAKE_MODELS, startSkytellsFake } from "../../../e2e/fakes/skytells";
import { skytellsProvider as provider } from "./adapter";
import { skytellsModels } from "./models";
import { setEnv, skytellsHarness } from "../../../e2e/support/skytells-harness";

const h = skytellsHarness();

describe("discover", () => {
  it("offers the video models it can drive, with limits from their input schemas", async () => {
    const specs = await provider.discover!();
    const byId = new Map(specs.map((s) => [s.id, s]));
    // lipfusion needs audio, sora-2 is dropped, flux-pro is an image model
    expect([...byId.keys()].sort()).toEqual(
      ["skytells:lumo", "skytells:mera", "skytells:truefusion-video", "skytells:truefusion-video-pro", "skytells:veo-3.1", "skytells:veo-3.1-fast"],
    );
    expect(byId.get("skytells:truefusion-video-pro")).toMatchObject({
      provider: "skytells",
      engine: "ai",
      imageInput: "url",
      providerModel: "truefusion-video-pro",
      label: "TrueFusion Video Pro",
      modes: ["text", "image"],
      durations: [5, 6, 8, 10],
      aspectRatios: ["16:9", "9:16", "1:1", "4:3"],
      fps: [24, 30],
      negativePrompt: true,
      seed: false,
      maxPromptLength: 2000,
      pricePerSecondUsd: 0.3,
    });
    expect(byId.get("skytells:mera")).toMatchObject({ modes: ["text"], durations: [5, 10] });
    // A per-clip price cannot become a per-second one: the built-in figure stays.
    expect(byId.get("skytells:veo-3.1")).toMatchObject({ durations: [4, 6, 8], defaults: { durationSeconds: 8 }, pricePerSecondUsd: 0.375 });
    // Its list entry has no schema: GET /v1/model/veo-3.1-fast filled it in.
    expect(byId.get("skytells:veo-3.1-fast")).toMatchObject({ modes: ["text", "image"], durations: [4, 6, 8] });
  });

  it("maps a model it has never heard of from the list alone", async () => {
    const fake = await startSkytellsFake({
      models: [
        {
          namespace: "nova-motion",
          name: "Nova Motion",
          type: "video",
          status: "active",
          description: "A new model.",
          pricing: { amount: 0.5, currency: "USD", unit: "5 seconds" },
          input_schema: {
            type: "object",
            required: ["prompt", "image"],
            properties: {
              prompt: { type: "string", maxLength: 800 },
              image: { type: "string" },
              duration_seconds: { type: "integer", enum: [4, 6], default: 6 },
              aspect_ratio: { type: "string", enum: ["9:16", "16:9", "2:1"] },
              resolution: { type: "string", enum: ["480p", "720p"], default: "720p" },
              seed: { type: "integer" },
            },
          },
        },
        { ...DEFAULT_FAKE_MODELS[2]!, namespace: "old-model", status: "deprecated" },
      ],
    });
    try {
      setEnv(fake.env);
      const [spec, ...rest] = await provider.discover!();
      expect(rest).toEqual([]);
      expect(spec).toMatchObject({
        id: "skytells:nova-motion",
        label: "Nova Motion",
        description: "A new model.",
        modes: ["image"],
        durations: [4, 6],
        aspectRatios: ["9:16", "16:9"],
        resolutions: ["480p", "720p"],
        fps: [24, 30],
        defaults: { durationSeconds: 6, aspectRatio: "16:9", resolution: "720p", fps: 24 },
        negativePrompt: false,
        seed: true,
        maxPromptLength: 800,
        pricePerSecondUsd: 0.1,
        typicalLatencySeconds: 120,
      });
    } finally {
      await fake.close();
    }
  });

  it("sends the schema's fields: resolution only where there is a choice, seed only where it is taken", async () => {
    const fake = await startSkytellsFake({
      timings: { queuedMs: 10, runningMs: 20 },
      models: [
        {
          namespace: "nova-motion",
          name: "Nova Motion",
          type: "video",
          input_schema: { type: "object", required: ["prompt"], properties: { prompt: {}, resolution: { enum: ["480p", "720p"] }, seed: {} } },
        },
      ],
    });
    try {
      setEnv(fake.env);
      const [spec] = await provider.discover!();
      const j = { id: "j1", model: spec!, prompt: "p", negativePrompt: null, aspectRatio: "16:9" as const, durationSeconds: 5, resolution: "480p", fps: 24, seed: 7, deadlineAt: Date.now() + 60_000 };
      await provider.submit(j, { webhookUrl: null, image: null });
      expect(fake.submissions[0]?.body.input).toEqual({ prompt: "p", duration_seconds: 5, aspect_ratio: "16:9", fps: 24, seed: 7, resolution: "480p" });
    } finally {
      await fake.close();
    }
  });

  it("keeps the built-in list as the provider's models until a refresh", () => {
    expect(provider.models).toBe(skytellsModels);
    expect(skytellsModels.map((m) => m.id)).toEqual([
      "skytells:truefusion-video-pro", "skytells:truefusion-video", "skytells:mera", "skytells:lumo", "skytells:veo-3.1", "skytells:veo-3.1-fast",
    ]);
    expect(h.fake.origin).toMatch(/^http:\/\/127\.0\.0\.1:/);
  });
});
