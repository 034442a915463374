import { afterEach, describe, expect, it } from "vitest";
import { resetEnvCache } from "../env";
import { getModel } from "../providers/registry";
import { fallbackAsked, routesForJob } from "./job-routes";

const KEYS = ["REPLICATE_API_TOKEN", "FAL_KEY", "SKYTELLS_API_KEY", "MODELSLAB_API_KEY"] as const;
const saved = Object.fromEntries(KEYS.map((k) => [k, process.env[k]]));
function configure(keys: Partial<Record<(typeof KEYS)[number], string>>) {
  for (const k of KEYS) delete process.env[k];
  Object.assign(process.env, keys);
  resetEnvCache();
}
afterEach(() => {
  for (const k of KEYS) if (saved[k] === undefined) delete process.env[k];
  else process.env[k] = saved[k];
  resetEnvCache();
});

const veo = () => getModel("replicate:google/veo-3.1")!;
const req = { mode: "text" as const, durationSeconds: 8, resolution: "720p", aspectRatio: "16:9", fps: 24, negativePrompt: false, seed: false };

describe("routesForJob", () => {
  it("puts the chosen model first, then the family's configured routes that take the settings", () => {
    configure({ REPLICATE_API_TOKEN: "r", FAL_KEY: "f" });
    expect(routesForJob(veo(), req, true)).toEqual(["replicate:google/veo-3.1", "fal:fal-ai/veo3.1"]);
    // Only fal makes Veo at 4k (Replicate stops at 1080p), so a 4k job has no fallback.
    expect(routesForJob(getModel("fal:fal-ai/veo3.1")!, { ...req, resolution: "4k" }, true)).toEqual(["fal:fal-ai/veo3.1"]);
  });

  it("leaves out providers without keys and routes that cannot keep a seed the person set", () => {
    configure({ REPLICATE_API_TOKEN: "r" });
    expect(routesForJob(veo(), req, true)).toEqual(["replicate:google/veo-3.1"]);
    configure({ REPLICATE_API_TOKEN: "r", SKYTELLS_API_KEY: "s" });
    expect(routesForJob(veo(), { ...req, seed: true }, true)).toEqual(["replicate:google/veo-3.1"]);
  });

  it("is the chosen model alone with fallback off", () => {
    configure({ REPLICATE_API_TOKEN: "r", FAL_KEY: "f" });
    expect(routesForJob(veo(), req, false)).toEqual(["replicate:google/veo-3.1"]);
  });
});

describe("fallbackAsked", () => {
  it("is on unless the request turns it off", () => {
    expect([undefined, true, "on", "true"].map(fallbackAsked)).toEqual([true, true, true, true]);
    expect([false, "false", "off"].map(fallbackAsked)).toEqual([false, false, false]);
  });
});
