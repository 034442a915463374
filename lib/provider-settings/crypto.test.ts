import { describe, expect, it } from "vitest";
import { openSetting, sealSetting, UnreadableSettingError } from "./crypto";

const SECRET = "a".repeat(40);
const slot = { provider: "replicate", name: "REPLICATE_API_TOKEN" };
const KEY = "r8_0123456789abcdefghij";

/** Flips one bit of the base64url part at `index` of a sealed value. */
function flip(sealed: string, index: number): string {
  const parts = sealed.split(".");
  const bytes = Buffer.from(parts[index]!, "base64url");
  bytes[0] = bytes[0]! ^ 0x01;
  parts[index] = bytes.toString("base64url");
  return parts.join(".");
}

describe("provider setting sealing", () => {
  it("opens what it sealed, and the sealed text does not contain the value", () => {
    const sealed = sealSetting(SECRET, slot, KEY);
    expect(sealed).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(sealed).not.toContain(KEY);
    expect(Buffer.from(sealed.split(".")[2]!, "base64url").toString("utf8")).not.toContain("r8_");
    expect(openSetting(SECRET, slot, sealed)).toBe(KEY);
    expect(openSetting(SECRET, slot, sealSetting(SECRET, slot, "ünïcødé ✓"))).toBe("ünïcødé ✓");
  });

  it("uses a fresh IV for every value", () => {
    const a = sealSetting(SECRET, slot, KEY);
    const b = sealSetting(SECRET, slot, KEY);
    expect(a).not.toBe(b);
    expect(a.split(".")[1]).not.toBe(b.split(".")[1]);
  });

  it("does not open under another APP_SECRET", () => {
    const sealed = sealSetting(SECRET, slot, KEY);
    expect(() => openSetting("b".repeat(40), slot, sealed)).toThrow(UnreadableSettingError);
  });

  it("does not open a tampered IV, ciphertext or tag, or a mangled value", () => {
    const sealed = sealSetting(SECRET, slot, KEY);
    for (const part of [1, 2, 3]) expect(() => openSetting(SECRET, slot, flip(sealed, part))).toThrow(UnreadableSettingError);
    expect(() => openSetting(SECRET, slot, sealed.replace(/^v1/, "v2"))).toThrow(UnreadableSettingError);
    expect(() => openSetting(SECRET, slot, sealed.split(".").slice(0, 3).join("."))).toThrow(UnreadableSettingError);
    expect(() => openSetting(SECRET, slot, `${sealed}.x`)).toThrow(UnreadableSettingError);
  });

  it("binds the value to its provider and setting name", () => {
    const sealed = sealSetting(SECRET, slot, KEY);
    expect(() => openSetting(SECRET, { provider: "fal", name: slot.name }, sealed)).toThrow(UnreadableSettingError);
    expect(() => openSetting(SECRET, { provider: slot.provider, name: "REPLICATE_WEBHOOK_SECRET" }, sealed)).toThrow(UnreadableSettingError);
    // The separator keeps "ab"+"c" and "a"+"bc" apart.
    const ab = sealSetting(SECRET, { provider: "ab", name: "C" }, KEY);
    expect(() => openSetting(SECRET, { provider: "a", name: "bC" }, ab)).toThrow(UnreadableSettingError);
  });

  it("says what to do in its error, without the value", () => {
    const err = (() => {
      try {
        openSetting("b".repeat(40), slot, sealSetting(SECRET, slot, KEY));
      } catch (e) {
        return e as Error;
      }
    })();
    expect(err?.message).toMatch(/REPLICATE_API_TOKEN.*another APP_SECRET/);
    expect(err?.message).not.toContain(KEY);
  });
});
