import "server-only";
import fsp from "node:fs/promises";
import { probe } from "./probe";
import { isAbortError, runFfmpeg } from "./run-ffmpeg";

const POSTER_TIMEOUT_MS = 30_000;

/**
 * Writes a 640-wide WebP still of the video to outFile, taken 1 s in (or halfway through a
 * shorter clip) so it is not the black first frame many generators start with.
 */
export async function makePoster(
  videoFile: string,
  outFile: string,
  opts: { durationSeconds?: number; signal?: AbortSignal } = {},
): Promise<void> {
  const duration = opts.durationSeconds ?? (await probe(videoFile)).durationSeconds;
  const at = Math.max(0, Math.min(1, duration / 2));
  try {
    await grab(videoFile, outFile, at, opts.signal);
  } catch (err) {
    if (at === 0 || isAbortError(err)) throw err;
  }
  // Seeking past the last decodable frame (odd timestamps, VFR) yields no frame: take the first.
  if (at > 0 && !(await nonEmpty(outFile))) await grab(videoFile, outFile, 0, opts.signal);
  if (!(await nonEmpty(outFile))) throw new Error("ffmpeg wrote no poster frame.");
}

function grab(videoFile: string, outFile: string, at: number, signal?: AbortSignal): Promise<void> {
  return runFfmpeg(
    [
      "-v", "error", "-nostdin", "-y",
      "-ss", at.toFixed(3), "-i", videoFile,
      "-an", "-frames:v", "1", "-vf", "scale=640:-2",
      "-c:v", "libwebp", "-quality", "80",
      // outFile may be a temp name without a .webp extension.
      "-f", "webp", outFile,
    ],
    { signal, timeoutMs: POSTER_TIMEOUT_MS },
  );
}

async function nonEmpty(file: string): Promise<boolean> {
  const stat = await fsp.stat(file).catch(() => null);
  return !!stat && stat.size > 0;
}
