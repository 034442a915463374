import { describe, expect, it } from "vitest";
import type { ModelSpec } from "../providers/types";
import { fitOptions } from "./option-values";
import { fieldErrors, requestSchemaFor } from "./schemas";

const base: ModelSpec = {
  id: "acme:veo",
  provider: "acme",
  engine: "ai",
  providerModel: "veo",
  label: "Veo",
  description: "",
  modes: ["text"],
  durations: [4, 6],
  aspectRatios: ["16:9"],
  resolutions: ["720p"],
  fps: [24],
  defaults: { durationSeconds: 4, aspectRatio: "16:9", resolution: "720p", fps: 24 },
  negativePrompt: false,
  seed: false,
  maxPromptLength: 2000,
  pricePerSecondUsd: null,
  priceReadOn: "",
  typicalLatencySeconds: 60,
};
const withOptions: ModelSpec = {
  ...base,
  options: [
    { key: "generate_audio", label: "Generate audio", kind: "boolean", default: true },
    { key: "style", label: "Style", kind: "choice", choices: ["cinematic", "anime"], default: "cinematic" },
  ],
};

function parse(spec: ModelSpec, fields: Record<string, unknown>) {
  const r = requestSchemaFor(spec).safeParse({ model: spec.id, prompt: "a fox", ...fields });
  return r.success ? { ok: true as const, value: r.data } : { ok: false as const, fields: fieldErrors(r.error) };
}

describe("options in the request schema", () => {
  it("fills in every default when none are given", () => {
    expect(parse(withOptions, {})).toMatchObject({ ok: true, value: { options: { generate_audio: true, style: "cinematic" } } });
  });

  it("takes an object, a JSON string or form strings", () => {
    expect(parse(withOptions, { options: { generate_audio: false } })).toMatchObject({ value: { options: { generate_audio: false, style: "cinematic" } } });
    expect(parse(withOptions, { options: '{"style":"anime"}' })).toMatchObject({ value: { options: { generate_audio: true, style: "anime" } } });
    expect(parse(withOptions, { options: { generate_audio: "false", style: "anime" } })).toMatchObject({ value: { options: { generate_audio: false, style: "anime" } } });
  });

  it("refuses an unknown option, naming it and the ones the model takes", () => {
    const r = parse(withOptions, { options: { camerafixed: true } });
    expect(r).toMatchObject({ ok: false });
    expect(r.ok || r.fields.options).toBe('Veo has no option "camerafixed"; it takes "generate_audio" or "style".');
  });

  it("refuses a value of the wrong type, under that option's field", () => {
    const r = parse(withOptions, { options: { generate_audio: "yes", style: "noir" } });
    expect(r.ok).toBe(false);
    expect(r.ok || r.fields["options.generate_audio"]).toBe("Generate audio (generate_audio) must be true or false.");
    expect(r.ok || r.fields["options.style"]).toBe('Style (style) must be one of "cinematic" or "anime" for Veo.');
  });

  it("refuses options that are not an object", () => {
    for (const options of ["not json", "[1]", 3]) {
      const r = parse(withOptions, { options });
      expect(r.ok || r.fields.options, String(options)).toMatch(/^options must be an object of option values/);
    }
  });

  it("gives a model without options none, and refuses any", () => {
    for (const fields of [{}, { options: {} }, { options: "" }]) {
      const r = parse(base, fields);
      expect(r.ok && r.value.options, JSON.stringify(fields)).toBeUndefined();
    }
    const r = parse(base, { options: { generate_audio: true } });
    expect(r.ok || r.fields.options).toBe('Veo has no option "generate_audio".');
  });
});

describe("fitOptions", () => {
  it("keeps the values the model has and valid, the rest at its defaults", () => {
    expect(fitOptions(withOptions.options, { generate_audio: false, style: "noir", camerafixed: true })).toEqual({ generate_audio: false, style: "cinematic" });
    expect(fitOptions(undefined, { generate_audio: false })).toEqual({});
  });
});
