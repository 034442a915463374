import { createHash } from "node:crypto";
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";

/**
 * Writes `source` to `file` (making its folder), hashing and counting the bytes on the way, and
 * answers once the file is closed: what was written is then on disk in full.
 */
export async function writeHashed(source: Readable, file: string, opts: { algorithm: "md5" | "sha256"; mode?: number }): Promise<{ bytes: number; digest: string }> {
  await fsp.mkdir(path.dirname(file), { recursive: true });
  const hash = createHash(opts.algorithm);
  let bytes = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  await pipeline(source, tap, fs.createWriteStream(file, { mode: opts.mode }));
  return { bytes, digest: hash.digest("hex") };
}
