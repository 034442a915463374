/**
 * The README's quick start lists what `npm install` and `npm test` need on a fresh machine, with
 * one command that installs it. CI installs only what it must (.ci/run), so the two are kept in
 * step here: every Debian package CI may install is in the README's command, the Node version
 * matches package.json's engines, and what better-sqlite3 compiles with (when no prebuilt binary
 * fits) is listed.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "..");
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), "utf8");
const quickStart = read("README.md").split(/^## /m).find((s) => s.startsWith("Quick start"))!;

/** The packages of the README's `apt-get install -y …` command. */
function readmePackages(): string[] {
  const command = /apt-get install -y ([a-z0-9 .+-]+)`/.exec(quickStart);
  if (!command) throw new Error("The quick start has no `apt-get install -y …` command.");
  return command[1]!.trim().split(/\s+/);
}

describe("the README's requirements", () => {
  it("name every Debian package .ci/run installs, in the one install command", () => {
    const ciPackages = [...read(".ci/run").matchAll(/^\s*apt_install ([a-z0-9 .+-]+)$/gm)].flatMap((m) => m[1]!.trim().split(/\s+/));
    expect(ciPackages.length).toBeGreaterThan(0);
    expect(ciPackages.filter((p) => !readmePackages().includes(p))).toEqual([]);
  });

  it("name the toolchain better-sqlite3 builds with when no prebuilt binary fits", () => {
    expect(["python3", "make", "g++"].filter((p) => !readmePackages().includes(p))).toEqual([]);
  });

  it("give the Node.js version package.json requires", () => {
    const engines = (JSON.parse(read("package.json")) as { engines: { node: string } }).engines.node;
    const min = /^>=(\d+(?:\.\d+)*)$/.exec(engines)?.[1];
    expect(min, `engines.node is ${engines}`).toBeDefined();
    expect(quickStart).toContain(`Node.js ${min} or newer`);
  });
});
