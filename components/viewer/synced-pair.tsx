"use client";
import { useEffect, useRef } from "react";
import type { JobJson } from "@/lib/jobs/serialize";

type Video = NonNullable<JobJson["video"]>;

/**
 * Two takes side by side, playing in sync: the left one leads (play, pause, seek) and the right one
 * follows; a drift past a tenth of a second is corrected, so the frames compare like for like.
 */
export function SyncedPair({ left, right, labels }: { left: Video; right: Video; labels: [string, string] }) {
  const lead = useRef<HTMLVideoElement>(null);
  const follow = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const a = lead.current;
    const b = follow.current;
    if (!a || !b) return;
    const align = () => {
      if (Math.abs(b.currentTime - a.currentTime) > 0.1) b.currentTime = a.currentTime;
    };
    const play = () => {
      align();
      void b.play().catch(() => undefined);
    };
    const pause = () => {
      b.pause();
      align();
    };
    const events: [string, () => void][] = [
      ["play", play],
      ["pause", pause],
      ["seeked", align],
      ["timeupdate", align],
    ];
    for (const [name, fn] of events) a.addEventListener(name, fn);
    return () => {
      for (const [name, fn] of events) a.removeEventListener(name, fn);
    };
  }, [left.url, right.url]);
  return (
    <div data-testid="compare-pair" className="grid gap-2 sm:grid-cols-2">
      <video ref={lead} data-testid="compare-lead" src={left.url} poster={left.posterUrl} controls playsInline aria-label={labels[0]} className="w-full rounded-lg bg-black" />
      <video ref={follow} data-testid="compare-follow" src={right.url} poster={right.posterUrl} muted playsInline aria-label={labels[1]} className="w-full rounded-lg bg-black" />
    </div>
  );
}
