"use client";
import type { ReactNode } from "react";
import { useCopy } from "../share/use-copy";
import { Button } from "../ui/button";
import { cn } from "../ui/cn";

/**
 * A secret the server hands out once and keeps only a hash or a sealed copy of (an API token, a
 * webhook signing secret, a password-reset link): shown with why it must be copied now, and a Copy button.
 */
export function ShownOnce({
  value,
  what,
  title,
  note,
  testId,
  compact = false,
}: {
  value: string;
  /** Names it in the copy toast: "Token", "Secret", "Link". */
  what: string;
  title: ReactNode;
  note?: ReactNode;
  testId: string;
  /** Inside a list row rather than under a form. */
  compact?: boolean;
}) {
  const copy = useCopy(what);
  return (
    <div className={cn("border border-violet-500/40 bg-violet-500/10", compact ? "rounded-md p-2 text-xs text-violet-100" : "rounded-lg p-3")}>
      <p className={compact ? undefined : "text-sm font-medium text-violet-100"}>{title}</p>
      {note && <p className="mt-1 text-xs text-violet-200/80">{note}</p>}
      <div className={compact ? "mt-1 flex items-center gap-2" : "mt-2 flex flex-col gap-2 sm:flex-row sm:items-center"}>
        <code
          data-testid={testId}
          className={cn(
            "min-w-0 flex-1 break-all font-mono select-all",
            !compact && "rounded-md bg-neutral-950 px-3 py-2 text-xs text-neutral-100",
          )}
        >
          {value}
        </code>
        <Button size="sm" className={compact ? undefined : "h-9"} onClick={() => copy(value)}>
          Copy
        </Button>
      </div>
    </div>
  );
}
