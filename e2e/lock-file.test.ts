/**
 * `npm ci` on a fresh clone installs exactly what package-lock.json lists, for the machine it runs
 * on: the lock must hold every platform's optional binary (sharp, swc, esbuild, ffmpeg builds), not
 * only those of the machine that last wrote it, or `npm ci` fails elsewhere and `npm install`
 * rewrites the lock. And every package whose install script the studio needs (better-sqlite3's
 * build, esbuild's binary, ffmpeg's chmod) is approved in package.json's `allowScripts`: npm 11
 * warns about the others, and npm 12 skips them, which would leave no SQLite driver and no ffmpeg.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

interface LockEntry {
  version?: string;
  hasInstallScript?: boolean;
  optionalDependencies?: Record<string, string>;
}

const root = path.join(__dirname, "..");
const lock = JSON.parse(fs.readFileSync(path.join(root, "package-lock.json"), "utf8")) as { lockfileVersion: number; packages: Record<string, LockEntry> };
const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { allowScripts?: Record<string, boolean> };

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

  it("has every install script in it approved by name in package.json's allowScripts", () => {
    const withScripts = new Set(
      Object.entries(lock.packages)
        .filter(([at, entry]) => at && entry.hasInstallScript)
        .map(([at]) => at.slice(at.lastIndexOf("node_modules/") + "node_modules/".length)),
    );
    expect(withScripts).toContain("better-sqlite3");
    const unapproved = [...withScripts].filter((name) => pkg.allowScripts?.[name] !== true);
    expect(unapproved).toEqual([]);
  });
});
