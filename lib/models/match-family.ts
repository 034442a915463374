/**
 * Which known family a model only a provider's own list names belongs to, so that a model found
 * at run time ("fal-ai/veo3.1", "veo-3.1-fast-generate", "Kling 2.1 Master") becomes one more route
 * of the family rather than a model of its own. Pure and deliberately cautious: no match leaves the
 * model alone, which is always safe; a wrong match would send a job's fallback to another model.
 * [U] That an id naming a family ("veo3.1") is that family's model: no provider documents its ids as such.
 */
import { FAMILIES } from "./index";

/** Words that say nothing about which model it is (a provider's prefix, the medium, a mode, "v2.1"'s v). */
const NOISE = new Set(["video", "ai", "v", "fal", "text", "image", "to", "t2v", "i2v", "generate", "preview", "api"]);
/** Words that name another variant of the model: "Seedance 1 Pro Fast" is not "Seedance 1 Pro". */
const VARIANT = new Set(["fast", "turbo", "lite", "pro", "master", "plus", "mini", "max", "flash", "ultra"]);

/** "fal-ai/kling-video/v2.1/master" → ["kling", "2", "1", "master"]: letters and numbers apart, noise out, "02" kept as written. */
export function modelTokens(text: string): string[] {
  return (text.toLowerCase().match(/[a-z]+|\d+/g) ?? []).filter((t) => !NOISE.has(t));
}

const isNumber = (t: string | undefined) => t !== undefined && /^\d+$/.test(t);

const KEYS = FAMILIES.filter((f) => f.engine === "ai").map((f) => ({ id: f.id, tokens: modelTokens(f.id) }));

/** Whether `key` stands in `tokens` as a whole: not followed by a further version number or a variant word. */
function standsIn(tokens: readonly string[], key: readonly string[]): boolean {
  for (let i = 0; i + key.length <= tokens.length; i++) {
    if (!key.every((k, j) => tokens[i + j] === k)) continue;
    const next = tokens[i + key.length];
    if (VARIANT.has(next ?? "")) continue;
    // "veo 3" in "veo 3 2" is a later version; "ltx" in "ltx 0 9 8" is LTX Video's own numbering.
    if (isNumber(key[key.length - 1]) && isNumber(next)) continue;
    return true;
  }
  return false;
}

/** The id of the family each of `names` (the provider's model id first, then its label) names, or undefined. */
export function matchFamily(...names: string[]): string | undefined {
  for (const name of names) {
    const tokens = modelTokens(name);
    const found = KEYS.filter((k) => k.tokens.length > 0 && standsIn(tokens, k.tokens)).sort((a, b) => b.tokens.length - a.tokens.length);
    // Two different families of the same length (a name that says "Wan 2.2" and "Wan 2.5") is no answer.
    if (found.length > 0 && !(found[1] && found[1].tokens.length === found[0]!.tokens.length)) return found[0]!.id;
  }
  return undefined;
}
