"use client";
import { formatSeconds } from "@/lib/jobs/format-job";
import type { ModelOption, ProviderGroup } from "@/lib/providers/catalog";
import { formatModes, formatPricePerSecond } from "./format";

/** What the chosen model does, in one line under the chip row (the Model chip's description), and which providers are not set up. */
export function ModelHint({ catalog, model }: { catalog: ProviderGroup[]; model: ModelOption }) {
  const unavailable = catalog.filter((g) => !g.available);
  return (
    <div className="flex flex-col gap-1 text-xs text-neutral-400">
      <div id="model-hint">
        <span className="text-neutral-300">{model.label}:</span> {model.description} ·{" "}
        {model.engine === "preview" ? "Not an AI model" : formatModes(model.modes)}
        {model.imageUnavailable && <> (image mode {model.imageUnavailable})</>} · {formatPricePerSecond(model)} · usually ready in about{" "}
        {formatSeconds(model.typicalLatencySeconds)}
        {model.engine !== "preview" && model.pricePerSecondUsd !== null && <> · price read on {model.priceReadOn}</>}
      </div>
      {unavailable.length > 0 && (
        <ul aria-label="Providers not set up" className="flex flex-col gap-0.5 text-neutral-500">
          {unavailable.map((g) => (
            <li key={g.id}>
              {g.label}: {g.hint}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
