/**
 * Test support: run media tests against the ffmpeg that resolves by default (often the
 * system one) and against the 2018 npm build CI uses, which lacks newer filters.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import { env, resetEnvCache } from "../env";
import { resetFfmpegPathCache } from "./ffmpeg-path";

export interface BinaryCase {
  name: string;
  ffmpeg?: string;
  ffprobe?: string;
}

const require = createRequire(import.meta.url);

function npmBinary(pkg: string): string | null {
  try {
    const file = (require(pkg) as { path: string }).path;
    return fs.existsSync(file) ? file : null;
  } catch {
    return null;
  }
}

/** "default" always; "npm" when the packaged binaries are installed. */
export function binaryCases(): BinaryCase[] {
  const ffmpeg = npmBinary("@ffmpeg-installer/ffmpeg");
  const ffprobe = npmBinary("@ffprobe-installer/ffprobe");
  return [{ name: "default" }, ...(ffmpeg && ffprobe ? [{ name: "npm", ffmpeg, ffprobe }] : [])];
}

let configured: { ffmpeg?: string; ffprobe?: string } | null = null;

/** Points lib/env.ts (and so ffmpegPath/ffprobePath) at a binary pair and a data dir. */
export function useBinaries(c: BinaryCase, dataDir: string): void {
  process.env.DATA_DIR = dataDir;
  resetEnvCache();
  // "default" means whatever the environment configured before any case changed it.
  configured ??= { ffmpeg: env().FFMPEG_PATH, ffprobe: env().FFPROBE_PATH };
  setOrDelete("FFMPEG_PATH", c.ffmpeg ?? configured.ffmpeg);
  setOrDelete("FFPROBE_PATH", c.ffprobe ?? configured.ffprobe);
  resetEnvCache();
  resetFfmpegPathCache();
}

function setOrDelete(name: string, value: string | undefined): void {
  if (value) process.env[name] = value;
  else delete process.env[name];
}
