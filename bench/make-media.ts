/** Test media for the benchmark, made with the system ffmpeg: a ~20 MB clip (cached), a still, a ~500 MB clip. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { run } from "./util";

/** Bump when the recipe changes so an old cached file is not reused. */
const CLIP_VERSION = 1;

/**
 * A ~20 MB 1080p H.264 MP4 (faststart, 4 s, with AAC), cached in os.tmpdir() across runs.
 * Light temporal noise keeps x264 from compressing testsrc2 far below the target bitrate.
 */
export async function clip20mb(ffmpeg: string): Promise<string> {
  const file = path.join(os.tmpdir(), `dailies-bench-clip20-v${CLIP_VERSION}.mp4`);
  if (fs.existsSync(file) && fs.statSync(file).size > 15e6) return file;
  const partial = `${file}.${process.pid}.partial`;
  await run(ffmpeg, [
    "-v", "error", "-nostdin", "-y",
    "-f", "lavfi", "-i", "testsrc2=s=1920x1080:r=24:d=4",
    "-f", "lavfi", "-i", "sine=f=440:r=48000:d=4",
    "-vf", "noise=alls=12:allf=t",
    "-c:v", "libx264", "-preset", "ultrafast", "-b:v", "40M", "-maxrate", "40M", "-bufsize", "20M", "-pix_fmt", "yuv420p",
    "-c:a", "aac", "-b:a", "128k", "-shortest",
    "-movflags", "+faststart", "-f", "mp4", partial,
  ], { timeoutMs: 120_000 });
  fs.renameSync(partial, file);
  return file;
}

/** A 1920x1080 PNG still for the camera-move render. */
export async function still(ffmpeg: string, dir: string): Promise<string> {
  const file = path.join(dir, "still.png");
  await run(ffmpeg, ["-v", "error", "-nostdin", "-y", "-f", "lavfi", "-i", "testsrc2=s=1920x1080", "-frames:v", "1", file], {
    timeoutMs: 60_000,
  });
  return file;
}

/** A valid MP4 of at least `mb` MB: the 20 MB clip looped with stream copy (no re-encode). */
export async function bigClip(ffmpeg: string, source: string, dir: string, mb: number): Promise<string> {
  const file = path.join(dir, `clip${mb}.mp4`);
  const loops = Math.ceil((mb * 1024 * 1024) / fs.statSync(source).size) - 1;
  await run(ffmpeg, [
    "-v", "error", "-nostdin", "-y",
    "-stream_loop", String(loops), "-i", source,
    "-c", "copy", "-f", "mp4", file,
  ], { timeoutMs: 180_000 });
  return file;
}

export async function ffmpegVersion(ffmpeg: string): Promise<string> {
  const out = await run(ffmpeg, ["-hide_banner", "-version"]).catch(() => "");
  return out.split("\n")[0]?.trim() ?? "unknown";
}
