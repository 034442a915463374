import { createHash } from "node:crypto";

/** A stable 32-bit seed from a prompt, so the same prompt renders the same scene. */
export function promptSeed(prompt: string): number {
  return createHash("sha256").update(prompt.normalize("NFC").trim()).digest().readUInt32BE(0);
}

/** Any integer (negative, beyond 32 bits) folded into 0..2^32-1. */
export function toUint32(seed: number): number {
  return Number.isFinite(seed) ? Number(BigInt.asUintN(32, BigInt(Math.trunc(seed)))) : 0;
}

/** mulberry32: tiny, fast, good enough for picking colors; returns numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = toUint32(seed);
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
