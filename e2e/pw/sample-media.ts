/**
 * Real media for seeding and uploads, made on this machine: a small H.264 MP4 (ffmpeg), a WebP
 * poster and PNG stills (sharp). e2e/fixtures/sample-video.ts cannot be used here: it goes through
 * lib/media/ffmpeg-path.ts, whose `import.meta` Playwright's CommonJS loader rejects.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { promisify } from "node:util";
import sharp from "sharp";

const run = promisify(execFile);

/** FFMPEG_PATH, then ffmpeg on PATH, then the binary shipped in @ffmpeg-installer/ffmpeg (the app's own order). */
function ffmpegBinary(): string {
  if (process.env.FFMPEG_PATH) return process.env.FFMPEG_PATH;
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    const candidate = dir && path.join(dir, "ffmpeg");
    if (candidate && fs.existsSync(candidate)) return candidate;
  }
  return (createRequire(path.join(process.cwd(), "package.json"))("@ffmpeg-installer/ffmpeg") as { path: string }).path;
}

/** Writes a `seconds`-long 320x180 test-pattern MP4 (faststart, yuv420p: plays in Chromium). */
export async function makeSampleVideo(file: string, seconds = 2): Promise<void> {
  await run(ffmpegBinary(), [
    "-v", "error", "-y",
    "-f", "lavfi", "-i", `testsrc=size=320x180:rate=24:duration=${seconds}`,
    "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-movflags", "+faststart",
    file,
  ]);
}

/** A 320x180 WebP poster in a calm colour. */
export async function makeSamplePoster(file: string): Promise<void> {
  await sharp({ create: { width: 320, height: 180, channels: 3, background: { r: 76, g: 29, b: 149 } } })
    .webp({ quality: 80 })
    .toFile(file);
}

/** A real PNG still with some structure (a gradient), `width`x`height`. */
export function makeStillPng(width = 640, height = 360): Promise<Buffer> {
  const raw = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      raw[i] = Math.round((x / width) * 255);
      raw[i + 1] = Math.round((y / height) * 255);
      raw[i + 2] = 160;
    }
  return sharp(raw, { raw: { width, height, channels: 3 } }).png().toBuffer();
}

/** A genuine PNG of at least `minBytes` (random pixels, no compression), for the size limit. */
export async function makeLargePng(file: string, minBytes: number): Promise<void> {
  const side = Math.ceil(Math.sqrt(minBytes / 3)) + 16;
  const raw = Buffer.alloc(side * side * 3);
  // Pseudo-random bytes (xorshift) so the PNG cannot compress below the limit.
  let s = 0x2545f491;
  for (let i = 0; i < raw.length; i++) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    raw[i] = s & 0xff;
  }
  await sharp(raw, { raw: { width: side, height: side, channels: 3 } }).png({ compressionLevel: 0 }).toFile(file);
}
