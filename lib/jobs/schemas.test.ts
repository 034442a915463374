import { describe, expect, it } from "vitest";
import { getModel } from "../providers/registry";
import { fieldErrors, requestSchemaFor } from "./schemas";

const spec = getModel("local:preview")!;
const schema = requestSchemaFor(spec);
const base = { model: spec.id, prompt: "a fox in the snow", durationSeconds: 5 };

function errorsFor(patch: Record<string, unknown>): Record<string, string> {
  const parsed = schema.safeParse({ ...base, ...patch });
  return parsed.success ? {} : fieldErrors(parsed.error);
}

describe("requestSchemaFor", () => {
  it("refuses numbers that are not numbers instead of coercing them", () => {
    for (const [field, value] of [
      ["durationSeconds", [2]],
      ["durationSeconds", "0x2"],
      ["durationSeconds", "5"],
      ["durationSeconds", true],
      ["fps", "24"],
      ["seed", "0x10"],
      ["seed", true],
      ["seed", [1]],
    ] as const)
      expect(errorsFor({ [field]: value })[field], `${field}: ${JSON.stringify(value)}`).toBeDefined();
  });

  it("refuses a prompt that is not text or shows nothing", () => {
    expect(errorsFor({ prompt: 42 }).prompt).toBe("The prompt must be text.");
    expect(errorsFor({ prompt: undefined }).prompt).toBe("Write a prompt.");
    expect(errorsFor({ prompt: "\u200B\u200D\u2060" }).prompt).toMatch(/visible/);
  });

  it("accepts real numbers and fills defaults", () => {
    const parsed = schema.parse({ ...base, seed: 16 });
    expect(parsed).toMatchObject({ durationSeconds: 5, seed: 16, aspectRatio: spec.defaults.aspectRatio, fps: spec.defaults.fps });
  });
});
