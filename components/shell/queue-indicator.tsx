"use client";
import dynamic from "next/dynamic";
import { usePathname } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { queueSummary } from "@/lib/jobs/queue-view";
import { useLiveJobs } from "../gallery/use-live-jobs";
import { Button } from "../ui/button";
import { useActiveJobs } from "./use-active-jobs";

// Loaded when first opened: the indicator is on every page, the panel is seldom looked at.
const QueuePanel = dynamic(() => import("./queue-panel").then((m) => m.QueuePanel), { ssr: false });

export interface QueueModel {
  id: string;
  typicalLatencySeconds: number;
  providerLabel: string;
}

/**
 * "3 rendering · 1 queued" in the header of every signed-in page, opening the queue panel. Its
 * list is the cached active-jobs list, which the live updates (opened here, so on every page) keep current.
 */
export function QueueIndicator({ models }: { models: QueueModel[] }) {
  useLiveJobs();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const pathname = usePathname();
  const [openedOn, setOpenedOn] = useState(pathname);
  if (openedOn !== pathname) {
    setOpenedOn(pathname);
    setOpen(false);
  }
  const jobs = useActiveJobs();
  const summary = queueSummary(jobs);

  // Escape or a click outside closes the panel; Escape gives focus back to the button.
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    };
    const onPointer = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("pointerdown", onPointer);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("pointerdown", onPointer);
    };
  }, [open]);

  return (
    <div ref={root} className="min-w-0">
      <Button
        ref={button}
        variant="ghost"
        size="sm"
        data-testid="queue-indicator"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        className="h-11 max-w-full gap-2"
        onClick={() => setOpen((o) => !o)}
      >
        {summary && <span aria-hidden className="size-2 shrink-0 animate-pulse rounded-full bg-violet-400 motion-reduce:animate-none" />}
        <span className="truncate">{summary || "Queue"}</span>
        {summary && <span className="sr-only">: open the queue</span>}
      </Button>
      {open && <QueuePanel id={panelId} active={jobs} models={models} />}
    </div>
  );
}
