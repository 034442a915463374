/**
 * The streamed zip, read back by two independent readers (Info-ZIP's unzip and Python's zipfile):
 * entries, names and byte-for-byte contents, with and without ZIP64 records.
 */
import { execFileSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { tempDataDir } from "../../e2e/support/test-db";
import { openInTurn, uniqueNames, zipStream, type ZipEntry } from "./zip-stream";

/** Streamed in uneven pieces, as a store would hand them over. */
async function* pieces(bytes: Buffer) {
  for (let i = 0; i < bytes.length; i += 7777) yield bytes.subarray(i, i + 7777);
}

async function zipTo(file: string, entries: AsyncIterable<ZipEntry> | Iterable<ZipEntry>, opts: { zip64Above?: number } = {}): Promise<void> {
  await pipeline(Readable.from(zipStream(entries, opts)), fs.createWriteStream(file));
}

const unzip = (args: string[]) => execFileSync("unzip", args, { encoding: "utf8", env: { ...process.env, LC_ALL: "C.UTF-8" } });

/** Python's zipfile reads every entry back and checks its CRC. */
function readBack(file: string): Record<string, string> {
  const script =
    "import sys, zipfile, hashlib, json\nz = zipfile.ZipFile(sys.argv[1])\nassert z.testzip() is None\nprint(json.dumps({i.filename: hashlib.sha256(z.read(i)).hexdigest() for i in z.infolist()}))";
  return JSON.parse(execFileSync("python3", ["-c", script, file], { encoding: "utf8" })) as Record<string, string>;
}

const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");

describe("zipStream", () => {
  const files: [string, Buffer][] = [
    ["export/prompts.json", Buffer.from(JSON.stringify([{ prompt: "un phare à l'aube" }]))],
    ["export/videos/a-lighthouse.mp4", randomBytes(100_000)],
    ["export/videos/empty.mp4", Buffer.alloc(0)],
    ["export/vidéos/ünïcode.mp4", randomBytes(3_000)],
  ];
  const entries = () => files.map(([name, bytes]) => ({ name, body: pieces(bytes), modified: new Date(2026, 11, 1, 12, 30, 10) }));
  const expected = Object.fromEntries(files.map(([n, b]) => [n, sha(b)]));

  it("writes an archive that unzip tests clean and Python reads back byte for byte", async () => {
    const file = path.join(tempDataDir(), "a.zip");
    await zipTo(file, entries());
    expect(unzip(["-tq", file])).toMatch(/No errors detected/);
    expect(readBack(file)).toEqual(expected);
    expect(fs.readFileSync(file).includes(Buffer.from([0x50, 0x4b, 0x06, 0x06]))).toBe(false); // small: no ZIP64 records
  });

  it("switches to ZIP64 records past the limit (as past 4 GiB), which both readers still accept", async () => {
    const file = path.join(tempDataDir(), "b.zip");
    await zipTo(file, entries(), { zip64Above: 50_000 });
    expect(fs.readFileSync(file).includes(Buffer.from([0x50, 0x4b, 0x06, 0x06]))).toBe(true);
    expect(unzip(["-tq", file])).toMatch(/No errors detected/);
    expect(readBack(file)).toEqual(expected);
  });

  it("opens each file only when its turn comes, and leaves out one that is gone", async () => {
    const dir = tempDataDir();
    const file = path.join(dir, "c.zip");
    const big = randomBytes(300_000);
    const small = Buffer.from("a small file ✓");
    const opened: string[] = [];
    const open = (name: string, bytes: Buffer | null) => async () => {
      opened.push(name);
      return bytes && pieces(bytes);
    };
    const lazy = openInTurn([
      { name: "a-fox.mp4", open: open("a-fox.mp4", big) },
      { name: "gone.mp4", open: open("gone.mp4", null) },
      { name: "café.txt", open: open("café.txt", small) },
    ]);
    const out = zipStream(lazy);
    const first = await out.next(); // the first header is out: only the first file has been opened
    expect(opened).toEqual(["a-fox.mp4"]);
    const chunks: Uint8Array[] = [first.value as Uint8Array];
    for await (const c of out) chunks.push(c);
    fs.writeFileSync(file, Buffer.concat(chunks));
    unzip(["-tq", file]);
    expect(unzip(["-Z1", file]).trim().split("\n")).toEqual(["a-fox.mp4", "café.txt"]);
    unzip(["-q", file, "-d", path.join(dir, "x")]);
    expect(fs.readFileSync(path.join(dir, "x", "a-fox.mp4")).equals(big)).toBe(true);
    expect(fs.readFileSync(path.join(dir, "x", "café.txt")).equals(small)).toBe(true);
    expect(opened).toEqual(["a-fox.mp4", "gone.mp4", "café.txt"]);
  });

  it("gives repeated names a number", () => {
    expect(uniqueNames(["a.mp4", "b.mp4", "a.mp4", "a.mp4"])).toEqual(["a.mp4", "b.mp4", "a-2.mp4", "a-3.mp4"]);
  });
});
