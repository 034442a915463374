/**
 * Real PNG images for uploads, made on this machine with sharp. (Seeded jobs' video and poster
 * come from e2e/fixtures/sample-video.ts and the app's poster maker: see seed.ts.)
 */
import sharp from "sharp";

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
