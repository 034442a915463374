/** The streamed zip, checked by Info-ZIP's own unzip: entries, names and byte-for-byte contents. */
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { uniqueNames, zipStream } from "./zip-stream";

const exec = promisify(execFile);
const run = (cmd: string, args: string[]) => exec(cmd, args, { env: { ...process.env, LC_ALL: "C.UTF-8" } });

describe("zipStream", () => {
  it("writes an archive unzip tests clean, with every file's exact bytes, skipping ones that are gone", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dailies-zip-"));
    const big = randomBytes(300_000);
    const small = Buffer.from("a small file ✓");
    const file = path.join(dir, "out.zip");
    const chunks = (b: Buffer) => async () => (async function* () {
      for (let i = 0; i < b.length; i += 65_536) yield b.subarray(i, i + 65_536);
    })();
    await pipeline(
      zipStream([
        { name: "a-fox.mp4", open: chunks(big) },
        { name: "gone.mp4", open: async () => null },
        { name: "café.txt", open: chunks(small) },
      ]),
      fs.createWriteStream(file),
    );
    await run("unzip", ["-t", "-q", file]);
    const { stdout } = await run("unzip", ["-Z1", file]);
    expect(stdout.trim().split("\n")).toEqual(["a-fox.mp4", "café.txt"]);
    const out = path.join(dir, "x");
    await run("unzip", ["-q", file, "-d", out]);
    expect(fs.readFileSync(path.join(out, "a-fox.mp4")).equals(big)).toBe(true);
    expect(fs.readFileSync(path.join(out, "café.txt")).equals(small)).toBe(true);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("gives repeated names a number", () => {
    expect(uniqueNames(["a.mp4", "b.mp4", "a.mp4", "a.mp4"])).toEqual(["a.mp4", "b.mp4", "a-2.mp4", "a-3.mp4"]);
  });
});
