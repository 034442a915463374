"use client";
import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";

const SHORTCUTS: [string, string][] = [
  ["← → ↑ ↓", "Move between videos"],
  ["Enter or Space", "Open in the viewer"],
  ["F", "Favorite"],
  ["R", "Remix"],
  ["Delete", "Delete (asks first)"],
  ["/", "Search prompts"],
  ["?", "This list"],
  ["Viewer: ← →", "Previous or next take"],
  ["Viewer: Esc", "Close"],
  ["Player: Space or K", "Play or pause"],
  ["Player: J L", "Back or ahead 10 s"],
  ["Player: M / F", "Mute / full screen"],
];

/** The `?` sheet: every keyboard shortcut of the gallery, the viewer and the player. */
export function ShortcutSheet({ onClose }: { onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (ref.current && !ref.current.open) ref.current.showModal();
  }, []);
  return (
    <dialog
      ref={ref}
      aria-labelledby="shortcuts-title"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      className="m-auto w-[min(100vw-2rem,28rem)] rounded-xl border border-neutral-800 bg-neutral-950 p-4 text-neutral-100 backdrop:bg-black/70"
    >
      <h2 id="shortcuts-title" className="mb-3 text-base font-semibold">
        Keyboard shortcuts
      </h2>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-sm">
        {SHORTCUTS.map(([keys, what]) => (
          <div key={keys} className="contents">
            <dt>
              <kbd className="font-sans text-neutral-100">{keys}</kbd>
            </dt>
            <dd className="text-neutral-300">{what}</dd>
          </div>
        ))}
      </dl>
      <Button variant="secondary" className="mt-4 min-h-11" onClick={onClose}>
        Close
      </Button>
    </dialog>
  );
}
