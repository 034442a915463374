import "server-only";
import fsp from "node:fs/promises";
import { probe, type VideoProbe } from "./probe";
import { runFfmpeg } from "./run-ffmpeg";

// What Chromium plays (MEDIA.md); HEVC is the usual offender from generators.
const PLAYABLE_CODECS = new Set(["h264", "vp8", "vp9", "av1"]);
// H.264 in 4:4:4, 4:2:2 or 10-bit is valid but browsers refuse it.
const PLAYABLE_H264_PIXEL_FORMATS = new Set(["yuv420p", "yuvj420p"]);

export function isBrowserPlayable(info: VideoProbe): boolean {
  if (!PLAYABLE_CODECS.has(info.codec)) return false;
  if (info.codec === "h264" && info.pixelFormat && !PLAYABLE_H264_PIXEL_FORMATS.has(info.pixelFormat)) return false;
  return true;
}

/**
 * Re-encodes a video a browser cannot play into H.264 yuv420p MP4 (faststart) at outFile and
 * returns the new file's probe; returns null, doing nothing, when the original already plays.
 */
export async function ensurePlayable(
  file: string,
  info: VideoProbe,
  outFile: string,
  opts: { signal?: AbortSignal } = {},
): Promise<VideoProbe | null> {
  if (isBrowserPlayable(info)) return null;
  const partial = `${outFile}.partial`;
  try {
    await runFfmpeg(
      [
        "-v", "error", "-nostdin", "-y", "-i", file,
        "-map", "0:v:0", "-map", "0:a:0?",
        // Odd sizes cannot be 4:2:0.
        "-vf", "scale=trunc(iw/2)*2:trunc(ih/2)*2",
        "-c:v", "libx264", "-preset", "veryfast", "-crf", "23", "-pix_fmt", "yuv420p",
        "-c:a", "aac", "-b:a", "128k",
        "-movflags", "+faststart", "-f", "mp4", partial,
      ],
      // Generous: a long clip on a slow machine, but never a stuck process forever.
      { signal: opts.signal, timeoutMs: Math.max(120_000, info.durationSeconds * 30_000) },
    );
    await fsp.rename(partial, outFile);
  } finally {
    await fsp.rm(partial, { force: true });
  }
  return probe(outFile);
}
