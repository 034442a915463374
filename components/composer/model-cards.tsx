"use client";
import { useRef } from "react";
import { formatSeconds } from "@/lib/jobs/format-job";
import type { ModelOption, ProviderGroup } from "@/lib/providers/catalog";
import { cn } from "../ui/cn";
import { chipClass } from "./chip";
import { formatModes, formatPricePerSecond } from "./format";

const POPOVER_ID = "model-cards";

/**
 * The models side by side as cards (what each does, price per second, typical wait, modes), in a
 * native popover: Escape and a click outside close it, focus returns to its button. Picking a card
 * sets the Model chip, which stays the one control the form sends.
 */
export function ModelCards({ catalog, model, onChange }: { catalog: ProviderGroup[]; model: ModelOption; onChange: (id: string) => void }) {
  const popover = useRef<HTMLDivElement>(null);
  return (
    <>
      <button type="button" popoverTarget={POPOVER_ID} className={cn(chipClass, "cursor-pointer")} aria-haspopup="dialog">
        <span aria-hidden>▦</span> Models at a glance
      </button>
      <div
        ref={popover}
        id={POPOVER_ID}
        popover="auto"
        role="dialog"
        aria-label="Models"
        className="max-h-[80vh] w-[min(44rem,calc(100vw-2rem))] overflow-auto rounded-xl border border-neutral-700 bg-neutral-950 p-4 text-neutral-100 backdrop:bg-black/60"
      >
        <div className="mb-3 flex items-center justify-between gap-2">
          <h2 className="text-base font-semibold">Models</h2>
          <button
            type="button"
            popoverTarget={POPOVER_ID}
            popoverTargetAction="hide"
            className="tap-target flex h-11 min-w-11 items-center justify-center rounded-full text-neutral-300 hover:bg-neutral-800 focus-visible:outline-2 focus-visible:outline-violet-400"
          >
            Close
          </button>
        </div>
        {catalog.map((group) => (
          <section key={group.id} aria-label={group.label} className="mb-4">
            <h3 className="mb-2 text-sm font-medium text-neutral-300">
              {group.label}
              {!group.available && <span className="ml-2 text-xs font-normal text-neutral-500">not set up: {group.hint}</span>}
            </h3>
            <ul className="grid gap-2 sm:grid-cols-2">
              {group.models.map((m) => (
                <li key={m.id}>
                  <button
                    type="button"
                    disabled={!group.available}
                    aria-pressed={m.id === model.id}
                    onClick={() => {
                      onChange(m.id);
                      popover.current?.hidePopover();
                    }}
                    className={cn(
                      "flex h-full min-h-11 w-full flex-col gap-1 rounded-lg border border-neutral-800 bg-neutral-900 p-3 text-left text-sm",
                      "hover:border-neutral-500 focus-visible:outline-2 focus-visible:outline-violet-400 disabled:cursor-not-allowed disabled:opacity-50",
                      "aria-pressed:border-violet-400 aria-pressed:bg-violet-500/15",
                    )}
                  >
                    <span className="font-medium text-neutral-100">{m.label}</span>
                    <span className="text-xs text-neutral-300">{m.description}</span>
                    <span className="text-xs text-neutral-400">
                      {m.engine === "preview" ? "Not an AI model" : formatModes(m.modes)} · {formatPricePerSecond(m)} · about {formatSeconds(m.typicalLatencySeconds)}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </>
  );
}
