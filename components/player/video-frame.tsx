import type { Ref } from "react";
import { cn } from "../ui/cn";

/**
 * A video with native controls; width and height, when known, reserve the frame's shape before
 * the first byte so the page does not jump. No hooks: the public share pages render it on the server.
 */
export function VideoFrame({
  src,
  poster,
  width,
  height,
  label,
  className,
  ref,
}: {
  src: string;
  poster?: string | null;
  width?: number | null;
  height?: number | null;
  label?: string;
  className?: string;
  ref?: Ref<HTMLVideoElement>;
}) {
  return (
    <video
      ref={ref}
      data-testid="player"
      src={src}
      poster={poster ?? undefined}
      controls
      playsInline
      preload="metadata"
      aria-label={label}
      width={width ?? undefined}
      height={height ?? undefined}
      style={width && height ? { aspectRatio: `${width} / ${height}` } : undefined}
      className={cn("w-full bg-black object-contain", className)}
    />
  );
}
