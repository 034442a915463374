import { cn } from "../ui/cn";

/** The player of a shared video; its box keeps the video's shape before the first frame loads. */
export function SharedVideo({
  src,
  poster,
  width,
  height,
  className,
}: {
  src: string;
  poster: string;
  width: number | null;
  height: number | null;
  className?: string;
}) {
  return (
    <video
      data-testid="player"
      controls
      playsInline
      preload="metadata"
      poster={poster}
      src={src}
      width={width ?? undefined}
      height={height ?? undefined}
      style={width && height ? { aspectRatio: `${width} / ${height}` } : undefined}
      className={cn("w-full bg-black object-contain", className)}
    />
  );
}
