"use client";
import { formatSeconds } from "@/lib/jobs/format-job";
import type { ModelOption, ProviderGroup } from "@/lib/providers/catalog";
import { cn } from "../ui/cn";
import { formatModes, formatPricePerSecond } from "./format";

/** The cards themselves, by provider: loaded when the popover first opens (model-cards). */
export function ModelCardsList({ catalog, model, onPick }: { catalog: ProviderGroup[]; model: ModelOption; onPick: (id: string) => void }) {
  return (
    <>
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
                  onClick={() => onPick(m.id)}
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
    </>
  );
}
