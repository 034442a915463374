"use client";
import dynamic from "next/dynamic";
import { useRef, useState } from "react";
import type { ModelOption, ProviderGroup } from "@/lib/providers/catalog";
import { cn } from "../ui/cn";
import { chipClass } from "./chip";

// The cards load when the popover first opens (or the pointer nears its chip): kept out of the studio's first-load JS.
const loadList = () => import("./model-cards-list").then((m) => m.ModelCardsList);
const ModelCardsList = dynamic(loadList, { ssr: false });

const POPOVER_ID = "model-cards";

/**
 * The models side by side as cards (what each does, price per second, typical wait, modes), in a
 * native popover: Escape and a click outside close it, focus returns to its button. Picking a card
 * sets the Model chip, which stays the one control the form sends.
 */
export function ModelCards({ catalog, model, onChange }: { catalog: ProviderGroup[]; model: ModelOption; onChange: (id: string) => void }) {
  const popover = useRef<HTMLDivElement>(null);
  const [shown, setShown] = useState(false);
  return (
    <>
      <button
        type="button"
        popoverTarget={POPOVER_ID}
        className={cn(chipClass, "cursor-pointer")}
        aria-haspopup="dialog"
        onPointerEnter={() => void loadList()}
        onFocus={() => void loadList()}
      >
        <span aria-hidden>▦</span> Models at a glance
      </button>
      <div
        ref={popover}
        id={POPOVER_ID}
        popover="auto"
        onToggle={(e) => {
          if (e.newState === "open") setShown(true);
        }}
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
        {shown && (
          <ModelCardsList
            catalog={catalog}
            model={model}
            onPick={(id) => {
              onChange(id);
              popover.current?.hidePopover();
            }}
          />
        )}
      </div>
    </>
  );
}
