/**
 * `npm ci` on a fresh clone installs exactly what package-lock.json lists, for the machine it runs
 * on: the lock must hold every platform's optional binary (sharp, swc, esbuild, ffmpeg builds), not
 * only those of the machine that last wrote it, or `npm ci` fails elsewhere and `npm install`
 * rewrites the lock.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

interface LockEntry {
  version?: string;
  optionalDependencies?: Record<string, string>;
}

const lock = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "package-lock.json"), "utf8")) as { lockfileVersion: number; packages: Record<string, LockEntry> };

/** Where Node would find `name` from the package at `from` (its own node_modules, then each parent's). */
function resolves(from: string, name: string): boolean {
  let base = from;
  for (;;) {
    if (lock.packages[`${base ? `${base}/` : ""}node_modules/${name}`]) return true;
    if (!base) return false;
    const up = base.lastIndexOf("/node_modules/");
    base = up < 0 ? "" : base.slice(0, up);
  }
}

describe("package-lock.json", () => {
  it("lists every optional dependency of every package, for every platform", () => {
    expect(lock.lockfileVersion).toBeGreaterThanOrEqual(3);
    const missing: string[] = [];
    let optional = 0;
    for (const [at, entry] of Object.entries(lock.packages))
      for (const name of Object.keys(entry.optionalDependencies ?? {})) {
        optional++;
        if (!resolves(at, name)) missing.push(`${at || "(root)"} -> ${name}`);
      }
    expect(missing).toEqual([]);
    expect(optional).toBeGreaterThan(0);
  });

  it("holds the binaries of the platforms CI and self-hosters use, not just this machine's", () => {
    for (const name of ["@img/sharp-linux-x64", "@img/sharp-linux-arm64", "@img/sharp-darwin-arm64", "@next/swc-linux-x64-gnu", "@next/swc-linux-arm64-gnu", "@next/swc-darwin-arm64"])
      expect(lock.packages[`node_modules/${name}`]?.version, name).toBeTruthy();
  });
});
