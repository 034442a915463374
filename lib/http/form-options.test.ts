import { describe, expect, it } from "vitest";
import { formOptions } from "./form-options";

function form(entries: Array<[string, string]>): FormData {
  const f = new FormData();
  for (const [k, v] of entries) f.append(k, v);
  return f;
}

describe("formOptions", () => {
  it("collects options.<key> fields into one object", () => {
    expect(formOptions(form([["options.camerafixed", "true"], ["options.style", "anime"], ["prompt", "x"]]), undefined)).toEqual({ camerafixed: "true", style: "anime" });
  });

  it("lays options.<key> fields over an options JSON field", () => {
    const f = form([["options.style", "anime"]]);
    expect(formOptions(f, '{"style":"cinematic","generate_audio":false}')).toEqual({ style: "anime", generate_audio: false });
  });

  it("leaves a lone options field, or one that is not a JSON object, for the schema to read or refuse", () => {
    expect(formOptions(form([]), '{"a":true}')).toBe('{"a":true}');
    expect(formOptions(form([]), undefined)).toBeUndefined();
    expect(formOptions(form([["options.a", "true"]]), "not json")).toBe("not json");
    expect(formOptions(form([["options.a", "true"]]), "[1]")).toBe("[1]");
  });
});
