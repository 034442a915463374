import "server-only";
import sharp from "sharp";
import { storage } from "../storage";

/** Chat previews rarely want more, and the stored poster is smaller anyway. */
const MAX_WIDTH = 1280;

export interface PosterJpeg {
  data: Buffer;
  width: number;
  height: number;
}

/**
 * The stored WebP poster as a JPEG: some link-preview crawlers still ignore WebP. It is a
 * small still, so converting per request is cheaper than keeping a second copy in sync.
 */
export async function posterJpeg(posterKey: string): Promise<PosterJpeg | null> {
  const webp = await storage().read(posterKey);
  if (!webp) return null;
  const { data, info } = await sharp(webp)
    .resize({ width: MAX_WIDTH, withoutEnlargement: true })
    .jpeg({ quality: 85, mozjpeg: true })
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/** The size posterJpeg will produce, read from the WebP header without decoding it. */
export async function posterJpegSize(posterKey: string): Promise<{ width: number; height: number } | null> {
  const webp = await storage().read(posterKey);
  if (!webp) return null;
  const { width, height } = await sharp(webp).metadata();
  if (!width || !height) return null;
  if (width <= MAX_WIDTH) return { width, height };
  return { width: MAX_WIDTH, height: Math.round((height * MAX_WIDTH) / width) };
}
