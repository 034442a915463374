import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startModelslabFake, type ModelslabFake } from "../../../e2e/fakes/modelslab";
import { resetEnvCache } from "../../env";
import { modelslabProvider as ml } from "./adapter";
import { specsFromList } from "./discover";

let fake: ModelslabFake;
const savedEnv = { ...process.env };

beforeAll(async () => {
  fake = await startModelslabFake();
  Object.assign(process.env, fake.env, { DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "dailies-modelslab-d-")) });
  resetEnvCache();
});

afterAll(async () => {
  await fake.close();
  process.env = savedEnv;
  resetEnvCache();
});

describe("ModelsLab discover()", () => {
  it("maps GET /v7/models?feature=video_fusion to ModelSpecs, keeping built-in data and skipping what Dailies cannot drive", async () => {
    const specs = await ml.discover!();
    expect(specs.map((s) => s.id).sort()).toEqual(["modelslab:seedance-t2v", "modelslab:veo-3.1-fast", "modelslab:wan2.6-i2v"]);
    const veo = specs.find((s) => s.id === "modelslab:veo-3.1-fast")!;
    expect(veo).toMatchObject({ label: "Veo 3.1 Fast (Google)", modes: ["text"], durations: [4, 6, 8], aspectRatios: ["16:9", "9:16"], defaults: { durationSeconds: 8 } });
    expect(veo.options?.map((o) => [o.key, o.default])).toEqual([
      ["generate_audio", true],
      ["enhance_prompt", false],
    ]);
    expect(specs.find((s) => s.id === "modelslab:wan2.6-i2v")).toMatchObject({ modes: ["image"], durations: [5, 10], imageInput: "url" });
  });

  it("takes a new model's limits from its parameters schema alone", async () => {
    const seedance = (await ml.discover!()).find((s) => s.id === "modelslab:seedance-t2v")!;
    expect(seedance).toMatchObject({
      provider: "modelslab",
      engine: "ai",
      providerModel: "seedance-t2v",
      label: "Seedance Text-to-Video",
      description: "ByteDance Seedance through ModelsLab.",
      modes: ["text"],
      durations: [4, 6],
      aspectRatios: ["16:9", "1:1"],
      resolutions: ["480p", "720p"],
      defaults: { durationSeconds: 6, aspectRatio: "16:9", resolution: "480p" },
    });
    expect(seedance.options).toBeUndefined();
  });

  it("reads the other list shapes the official CLI accepts, and ignores junk", () => {
    const item = { model_id: "veo-3.1", model_type: "text-to-video" };
    for (const body of [[item], { data: [item] }, { data: { items: [item] } }, { models: [item] }]) {
      expect(specsFromList(body).map((s) => s.id)).toEqual(["modelslab:veo-3.1"]);
    }
    expect(specsFromList({ data: [null, 7, { name: "no id" }, { model_id: "x", feature: "imagen" }] })).toEqual([]);
    expect(specsFromList("<html>")).toEqual([]);
  });

  it("testConnection is the authenticated model list", async () => {
    await expect(ml.testConnection!()).resolves.toBeUndefined();
  });
});
