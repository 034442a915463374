"use client";
import dynamic from "next/dynamic";
import { useState } from "react";
import type { CompareProps } from "./compare-choices";

// The choices load when Compare is first opened: most takes are of one model.
const CompareChoices = dynamic(() => import("./compare-choices").then((m) => m.CompareChoices), { ssr: false });

/**
 * Compare across models: tick two to four and one Generate makes one take of each, side by side
 * in one row. Checkboxes named `compare`, so the form carries the picks. Off (nothing ticked), the
 * composer's own model and Takes decide.
 */
export function ComparePicker({ catalog, value, onChange, durationSeconds }: CompareProps) {
  const [opened, setOpened] = useState(value.length > 0);
  return (
    <details
      className="group rounded-lg border border-neutral-800 bg-neutral-900/40"
      open={value.length > 0 || undefined}
      onToggle={(e) => {
        if (e.currentTarget.open) setOpened(true);
      }}
    >
      <summary className="flex min-h-11 cursor-pointer items-center justify-between gap-2 px-3 text-sm font-medium text-neutral-200 focus-visible:outline-2 focus-visible:outline-violet-400">
        <span>Compare models</span>
        <span className="text-xs font-normal text-neutral-400">{value.length ? `${value.length} picked` : "off"}</span>
      </summary>
      {opened && <CompareChoices catalog={catalog} value={value} onChange={onChange} durationSeconds={durationSeconds} />}
    </details>
  );
}
