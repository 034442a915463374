import { describe, expect, it } from "vitest";
import { wordDiff } from "./word-diff";

const join = (parts: ReturnType<typeof wordDiff>, keep: "before" | "after") =>
  parts.filter((p) => p.kind === "same" || p.kind === (keep === "before" ? "removed" : "added")).map((p) => p.text).join("");

describe("wordDiff", () => {
  it("marks added and removed words and keeps the rest", () => {
    const parts = wordDiff("a fox on a bridge", "a red fox on a bridge, slow dolly in");
    expect(parts).toEqual([
      { kind: "same", text: "a " },
      { kind: "added", text: "red " },
      { kind: "same", text: "fox on a " },
      { kind: "removed", text: "bridge" },
      { kind: "added", text: "bridge, slow dolly in" },
    ]);
  });

  it("rebuilds the suggestion exactly, and the original's words, from its parts", () => {
    const before = "A neon city at night, rain, cinematic";
    const after = "A neon-lit city at night in the rain, slow crane up, cinematic 35mm film";
    const parts = wordDiff(before, after);
    // Shared words carry the suggestion's spacing.
    expect(join(parts, "before").split(/\s+/).filter(Boolean)).toEqual(before.split(/\s+/));
    expect(join(parts, "after")).toBe(after);
  });

  it("says nothing changed for the same text", () => {
    expect(wordDiff("same words", "same words")).toEqual([{ kind: "same", text: "same words" }]);
  });
});
