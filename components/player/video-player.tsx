"use client";
import { useRef } from "react";
import { usePlayerKeys } from "./use-player-keys";
import { VideoFrame } from "./video-frame";

/** The job's video, plus Space and arrow keys. */
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
      <VideoFrame
        ref={ref}
        src={src}
        poster={poster}
        width={width}
        height={height}
        label={label}
        className="mx-auto block h-auto max-h-[75vh] rounded-lg focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-violet-400"
      />
      <figcaption className="text-xs text-neutral-500">
        <kbd className="font-sans">Space</kbd> plays or pauses · <kbd className="font-sans">←</kbd> <kbd className="font-sans">→</kbd> skip 5 s · <kbd className="font-sans">J</kbd> <kbd className="font-sans">L</kbd> 10 s · <kbd className="font-sans">M</kbd> mute · <kbd className="font-sans">F</kbd> full screen
      </figcaption>
    </figure>
  );
}
