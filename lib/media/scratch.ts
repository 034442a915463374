import "server-only";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import { env } from "../env";

/**
 * Scratch files for downloads, probes, posters and transcodes: always on local disk
 * (DATA_DIR/tmp), whatever the store, because ffmpeg needs seekable files. The worker's cleanup
 * sweeps what a crash left behind.
 */
export function scratchDir(): string {
  const dir = path.join(env().DATA_DIR, "tmp");
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** A fresh, unused path in the scratch directory; `ext` only names the file type. */
export function scratchPath(ext: string): string {
  return path.join(/*turbopackIgnore: true*/ scratchDir(), `${randomBytes(12).toString("hex")}.${ext.replace(/[^a-z0-9]/gi, "")}`);
}

/** Runs `fn` with a maker of scratch paths; every path it made is removed afterwards, whatever happens. */
export async function withScratch<T>(fn: (file: (ext: string) => string) => Promise<T>): Promise<T> {
  const made: string[] = [];
  try {
    return await fn((ext) => {
      const file = scratchPath(ext);
      made.push(file);
      return file;
    });
  } finally {
    await Promise.all(made.map((f) => fsp.rm(f, { force: true })));
  }
}
