/** The browser's check of a still before it is sent; the server checks again (lib/media/image-input.ts). */
import { formatBytes } from "@/lib/jobs/format-job";

export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
export const IMAGE_ACCEPT = "image/png,image/jpeg,image/webp";

type ImageKind = "png" | "jpeg" | "webp";

/** Reads the file's first bytes: a text file renamed .png is still a text file. */
function sniff(head: Uint8Array): ImageKind | null {
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (head.length >= 8 && png.every((b, i) => head[i] === b)) return "png";
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return "jpeg";
  const ascii = (from: number, to: number) => String.fromCharCode(...head.subarray(from, to));
  if (head.length >= 12 && ascii(0, 4) === "RIFF" && ascii(8, 12) === "WEBP") return "webp";
  return null;
}

/** null when the file may be sent, otherwise the sentence to show. */
export async function checkImage(file: File): Promise<string | null> {
  const name = file.name ? `“${file.name}”` : "That file";
  if (file.size > MAX_IMAGE_BYTES) return `${name} is ${formatBytes(file.size)}; images can be at most 10 MB. Use a smaller PNG, JPEG or WebP.`;
  if (file.size === 0) return `${name} is empty. Use a PNG, JPEG or WebP image.`;
  const head = new Uint8Array(await file.slice(0, 12).arrayBuffer());
  if (!sniff(head)) return `${name} is not a PNG, JPEG or WebP image. Use one of those.`;
  return null;
}
