"use client";
import { useRef } from "react";
import { usePlayerKeys } from "./use-player-keys";

/**
 * The job's video with native controls, plus Space and arrow keys. Width and height, when known,
 * reserve the frame's shape before the first byte so the page does not jump.
 */
export function VideoPlayer({
  src,
  poster,
  width,
  height,
  label = "Video",
}: {
  src: string;
  poster?: string | null;
  width?: number | null;
  height?: number | null;
  label?: string;
}) {
  const ref = useRef<HTMLVideoElement>(null);
  usePlayerKeys(ref);
  return (
    <figure className="flex flex-col gap-2">
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
        className="mx-auto block h-auto max-h-[75vh] w-full rounded-lg bg-black object-contain focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-violet-400"
      />
      <figcaption className="text-xs text-neutral-500">
        <kbd className="font-sans">Space</kbd> plays or pauses · <kbd className="font-sans">←</kbd> <kbd className="font-sans">→</kbd> skip 5 s
      </figcaption>
    </figure>
  );
}
