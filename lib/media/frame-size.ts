import type { AspectRatio } from "../providers/types";

export interface FrameSize {
  width: number;
  height: number;
}

const even = (n: number) => Math.max(2, Math.round(n / 2) * 2);

/**
 * Pixel size for an aspect ratio at a resolution like "720p": the short side equals the
 * number, the long side follows the ratio, both even (yuv420p and H.264 need even sizes).
 * 720p 16:9 = 1280x720, 9:16 = 720x1280, 1:1 = 720x720, 4:3 = 960x720.
 */
export function frameSize(aspectRatio: AspectRatio | string, resolution: string): FrameSize {
  const short = /^(\d{3,4})p$/.exec(resolution.trim());
  const ratio = /^(\d+):(\d+)$/.exec(aspectRatio.trim());
  if (!short?.[1]) throw new Error(`Unknown resolution "${resolution}" (expected e.g. "720p").`);
  if (!ratio?.[1] || !ratio[2]) throw new Error(`Unknown aspect ratio "${aspectRatio}" (expected e.g. "16:9").`);
  const side = even(Number(short[1]));
  const w = Number(ratio[1]);
  const h = Number(ratio[2]);
  if (w <= 0 || h <= 0) throw new Error(`Unknown aspect ratio "${aspectRatio}".`);
  return w >= h ? { width: even((side * w) / h), height: side } : { width: side, height: even((side * h) / w) };
}
