import { execFileSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { tempDataDir } from "../../e2e/support/test-db";
import { zipStream } from "./zip-writer";

async function zipTo(file: string, entries: [string, Buffer][], opts: { zip64Above?: number } = {}): Promise<void> {
  // streamed in uneven pieces, as a store would hand them over
  async function* pieces(bytes: Buffer) {
    for (let i = 0; i < bytes.length; i += 7777) yield bytes.subarray(i, i + 7777);
  }
  const chunks: Uint8Array[] = [];
  for await (const c of zipStream(entries.map(([name, bytes]) => ({ name, body: pieces(bytes), modified: new Date(2026, 11, 1, 12, 30, 10) })), opts)) chunks.push(c);
  fs.writeFileSync(file, Buffer.concat(chunks));
}

/** Python's zipfile reads every entry back and checks its CRC: an independent reader. */
function readBack(file: string): Record<string, string> {
  const script =
    "import sys, zipfile, hashlib, json\nz = zipfile.ZipFile(sys.argv[1])\nassert z.testzip() is None\nprint(json.dumps({i.filename: hashlib.sha256(z.read(i)).hexdigest() for i in z.infolist()}))";
  return JSON.parse(execFileSync("python3", ["-c", script, file], { encoding: "utf8" })) as Record<string, string>;
}

const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");

describe("ZipWriter", () => {
  const entries: [string, Buffer][] = [
    ["export/prompts.json", Buffer.from(JSON.stringify([{ prompt: "un phare à l'aube" }]))],
    ["export/videos/a-lighthouse.mp4", randomBytes(100_000)],
    ["export/videos/empty.mp4", Buffer.alloc(0)],
    ["export/vidéos/ünïcode.mp4", randomBytes(3_000)],
  ];

  it("writes an archive that unzip tests clean and Python reads back byte for byte", async () => {
    const file = path.join(tempDataDir(), "a.zip");
    await zipTo(file, entries);
    expect(execFileSync("unzip", ["-tq", file], { encoding: "utf8" })).toMatch(/No errors detected/);
    expect(readBack(file)).toEqual(Object.fromEntries(entries.map(([n, b]) => [n, sha(b)])));
  });

  it("switches to ZIP64 records past the limit, which readers still accept", async () => {
    const file = path.join(tempDataDir(), "b.zip");
    await zipTo(file, entries, { zip64Above: 50_000 });
    const bytes = fs.readFileSync(file);
    expect(bytes.includes(Buffer.from([0x50, 0x4b, 0x06, 0x06]))).toBe(true);
    expect(readBack(file)).toEqual(Object.fromEntries(entries.map(([n, b]) => [n, sha(b)])));
  });
});
