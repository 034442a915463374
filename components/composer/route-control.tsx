"use client";
import { useState } from "react";
import { formatCost, formatSeconds } from "@/lib/jobs/format-job";
import { orderRoutes, type RouteChoice, type RouteSettings } from "@/lib/models/route-order";
import type { ModelOption, ProviderGroup } from "@/lib/providers/catalog";

/**
 * Where a model is made: "Best available" (the cheapest configured route that takes these
 * settings), "Fastest", or one provider, each with its price and typical wait. Shown only when
 * more than one configured provider sells the chosen model. The rest of the family's routes stay
 * fallbacks on the server. The radios belong to no form (`form` names none), so the composer's
 * request carries only the model they chose.
 */
export function RouteControl({
  catalog,
  model,
  settings,
  onChange,
}: {
  catalog: ProviderGroup[];
  model: ModelOption;
  settings: RouteSettings;
  onChange: (modelId: string) => void;
}) {
  const [choice, setChoice] = useState<string>("best");
  const labels = new Map(catalog.map((g) => [g.id, g.label]));
  const family = catalog.filter((g) => g.available).flatMap((g) => g.models.filter((m) => m.family === model.family));
  const candidates = family.map((spec) => ({ spec, usable: true }));
  const fitting = orderRoutes(candidates, settings, { kind: "best" });
  // One line per provider: its route that takes these settings (Replicate sells Wan 2.2 as a text and an image model).
  const routes = [...new Map(family.map((m) => [m.provider, fitting.find((f) => f.provider === m.provider) ?? m])).values()];
  if (routes.length < 2) return null;

  const pick = (value: string) => {
    setChoice(value);
    const asked: RouteChoice = value === "best" ? { kind: "best" } : value === "fastest" ? { kind: "fastest" } : { kind: "provider", provider: value };
    const first = orderRoutes(candidates, settings, asked)[0];
    if (first && first.id !== model.id) onChange(first.id);
  };
  const cost = (m: ModelOption) => formatCost(m, settings);

  return (
    <fieldset className="flex flex-col gap-1.5 rounded-lg border border-neutral-800 px-3 py-2">
      <legend className="px-1 text-xs text-neutral-400">Made by</legend>
      {(["best", "fastest"] as const).map((value) => {
        const first = orderRoutes(candidates, settings, { kind: value })[0];
        return (
          <label key={value} className="flex items-center gap-2 text-sm text-neutral-200">
            <input type="radio" name="route" form="route-control" value={value} checked={choice === value} onChange={() => pick(value)} className="accent-violet-500" />
            {value === "best" ? "Best available" : "Fastest"}
            {first && (
              <span className="text-xs text-neutral-400">
                {labels.get(first.provider)} · {cost(first)} · about {formatSeconds(first.typicalLatencySeconds)}
              </span>
            )}
          </label>
        );
      })}
      {routes.map((m) => (
        <label key={m.id} className="flex items-center gap-2 text-sm text-neutral-200">
          <input type="radio" name="route" form="route-control" value={m.provider} checked={choice === m.provider} onChange={() => pick(m.provider)} className="accent-violet-500" />
          {labels.get(m.provider)}
          <span className="text-xs text-neutral-400">
            {cost(m)} · about {formatSeconds(m.typicalLatencySeconds)}
            {!fitting.includes(m) && " · not with these settings"}
          </span>
        </label>
      ))}
    </fieldset>
  );
}
