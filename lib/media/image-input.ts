import "server-only";
import sharp from "sharp";
import { fail, ok, type Result } from "../errors";

export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
const MAX_SIDE = 4096;

export type ImageMime = "image/png" | "image/jpeg" | "image/webp";

export interface CleanImage {
  bytes: Buffer;
  mime: ImageMime;
  ext: "png" | "jpg" | "webp";
  width: number;
  height: number;
}

/** Identifies PNG, JPEG and WebP by their first bytes; the file name and declared type are ignored. */
export function sniffImage(head: Buffer): ImageMime | null {
  if (head.length >= 8 && head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return "image/png";
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return "image/jpeg";
  if (head.length >= 12 && head.toString("latin1", 0, 4) === "RIFF" && head.toString("latin1", 8, 12) === "WEBP") return "image/webp";
  return null;
}

/**
 * Checks an uploaded still and re-encodes it: metadata (EXIF, GPS) is dropped, orientation is
 * applied, very large images are scaled down, and a file that does not decode is refused.
 */
export async function cleanImage(input: Buffer): Promise<Result<CleanImage>> {
  if (input.length > MAX_IMAGE_BYTES)
    return fail("payload_too_large", "The image is larger than 10 MB. Use a smaller PNG, JPEG or WebP.", { image: "The image is larger than 10 MB." });
  const mime = sniffImage(input);
  if (!mime)
    return fail("unsupported_media_type", "That file is not a PNG, JPEG or WebP image.", { image: "Use a PNG, JPEG or WebP image." });
  try {
    const pipeline = sharp(input, { failOn: "error", limitInputPixels: 100_000_000 })
      .rotate()
      .resize({ width: MAX_SIDE, height: MAX_SIDE, fit: "inside", withoutEnlargement: true });
    const encoded =
      mime === "image/png"
        ? pipeline.png({ compressionLevel: 6 })
        : mime === "image/jpeg"
          ? pipeline.jpeg({ quality: 90, mozjpeg: false })
          : pipeline.webp({ quality: 90 });
    const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
    const ext = mime === "image/png" ? "png" : mime === "image/jpeg" ? "jpg" : "webp";
    return ok({ bytes: data, mime, ext, width: info.width, height: info.height });
  } catch {
    return fail("validation", "The image could not be read; it may be damaged. Try another file.", { image: "The image could not be read." });
  }
}
