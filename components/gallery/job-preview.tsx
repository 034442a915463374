"use client";
import type { JobJson } from "@/lib/jobs/serialize";
import { StatusBadge } from "./status-badge";

/**
 * The card's picture: the poster, and a muted looping preview while `playing` (hover or focus).
 * The <video> only exists while previewing, so a grid of thousands loads posters and nothing else.
 */
export function JobPreview({ job, playing, eager }: { job: JobJson; playing: boolean; eager: boolean }) {
  const video = job.video;
  return (
    <div className="relative aspect-video overflow-hidden rounded-t-xl bg-neutral-900">
      {video ? (
        <>
          {/* A plain <img>: posters are private /media URLs sent with the session cookie, not for an image optimizer. */}
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img
            src={video.posterUrl}
            alt=""
            loading={eager ? "eager" : "lazy"}
            fetchPriority={eager ? "high" : "auto"}
            decoding="async"
            className="absolute inset-0 h-full w-full object-contain"
          />
          {playing && (
            <video
              src={video.url}
              poster={video.posterUrl}
              muted
              loop
              autoPlay
              playsInline
              preload="none"
              aria-hidden="true"
              tabIndex={-1}
              className="absolute inset-0 h-full w-full object-contain"
            />
          )}
        </>
      ) : (
        <div className="absolute inset-0 flex items-center justify-center bg-gradient-to-br from-neutral-900 to-neutral-800">
          <span className="text-xs text-neutral-500">{job.status === "failed" ? "No video" : job.status === "canceled" ? "Canceled" : "Rendering…"}</span>
        </div>
      )}
      <StatusBadge status={job.status} className="absolute top-2 left-2 shadow" />
    </div>
  );
}
