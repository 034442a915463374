"use client";
import dynamic from "next/dynamic";
import { useId, useRef, useState } from "react";
import { Button } from "../ui/button";

// The list and its search load on first open: most visits never look back.
const PromptHistoryPanel = dynamic(() => import("./prompt-history-panel").then((m) => m.PromptHistoryPanel), { ssr: false });

/** Your recent prompts, newest first and searchable; picking one puts it in the prompt box. */
export function PromptHistory({ onPick }: { onPick: (prompt: string) => void }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);

  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };

  return (
    <div className="flex flex-col gap-2">
      <Button ref={buttonRef} size="sm" variant="ghost" className="self-start" aria-expanded={open} aria-controls={open ? panelId : undefined} onClick={() => setOpen((o) => !o)}>
        Recent prompts
      </Button>
      {open && (
        <PromptHistoryPanel
          id={panelId}
          onClose={close}
          onPick={(p) => {
            onPick(p);
            setOpen(false);
          }}
        />
      )}
    </div>
  );
}
