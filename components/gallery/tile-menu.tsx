"use client";
import Link from "next/link";
import { useRef } from "react";
import { downloadName } from "@/lib/jobs/download-name";
import type { JobJson } from "@/lib/jobs/serialize";
import { takeHref } from "@/lib/jobs/take-href";

const item =
  "flex min-h-11 items-center rounded-md px-3 text-sm text-neutral-100 hover:bg-neutral-800 focus-visible:outline-2 focus-visible:outline-violet-400";

/**
 * The tile's hover toolbar: over the poster's corner, shown on hover or focus (always on a touch
 * screen, which has no hover), holding the "⋯" menu of what starts a new take from this one. A
 * <details>, so it opens by keyboard and needs no script; the card's click handler leaves it alone.
 */
export function TileMenu({ job }: { job: JobJson }) {
  const menu = useRef<HTMLDetailsElement>(null);
  const short = job.prompt.slice(0, 60);
  return (
    <div className="absolute top-2 right-2 z-10 opacity-0 transition-opacity group-hover/card:opacity-100 group-focus-within/card:opacity-100 has-[details[open]]:opacity-100 [@media(hover:none)]:opacity-100">
      <details
        ref={menu}
        onKeyDown={(e) => {
          if (e.key === "Escape" && menu.current?.open) {
            menu.current.open = false;
            menu.current.querySelector("summary")?.focus();
          }
        }}
      >
        <summary
          aria-label={`More for: ${short}`}
          className="flex size-11 cursor-pointer list-none items-center justify-center rounded-full bg-neutral-950/80 text-lg text-neutral-100 hover:bg-neutral-800 focus-visible:outline-2 focus-visible:outline-violet-400 [&::-webkit-details-marker]:hidden"
        >
          <span aria-hidden>⋯</span>
        </summary>
        <nav aria-label={`Start from: ${short}`} className="absolute right-0 mt-1 flex w-48 flex-col rounded-lg border border-neutral-700 bg-neutral-950 p-1 shadow-lg">
          <Link href={takeHref(job.id, "prompt")} className={item}>
            Use prompt
          </Link>
          {job.seed !== null && (
            <Link href={takeHref(job.id, "seed")} className={item}>
              Use seed
            </Link>
          )}
          <Link href={takeHref(job.id, "all")} className={item}>
            Use all settings
          </Link>
          <Link href={`/jobs/${encodeURIComponent(job.id)}`} className={item}>
            Open page
          </Link>
          {job.video && (
            <a href={`${job.video.url}?download`} download={downloadName(job.prompt, job.video.url)} className={item}>
              Download
            </a>
          )}
        </nav>
      </details>
    </div>
  );
}
