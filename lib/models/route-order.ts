/**
 * Which routes a job tries, in order: pure, from the family's routes and the person's choice.
 * "Best available" is the cheapest configured route that supports the settings (routes with no
 * published price go last, then the quicker first); "Fastest" orders by typical wait; a provider
 * puts that provider's route first and keeps the rest as fallbacks.
 */
import type { ModelSpec } from "../providers/types";
import { estimateUsd, type PriceSettings } from "./price";
import { priceOf } from "./route";

export type RouteChoice = { kind: "best" } | { kind: "fastest" } | { kind: "provider"; provider: string };

export interface RouteSettings extends PriceSettings {
  mode: "text" | "image";
  aspectRatio: string;
  fps: number;
}

/** Whether a route accepts these settings as they are (no snapping). */
export function supports(route: Pick<ModelSpec, "modes" | "durations" | "aspectRatios" | "resolutions" | "fps">, s: RouteSettings): boolean {
  return (
    route.modes.includes(s.mode) &&
    route.durations.includes(s.durationSeconds) &&
    (route.aspectRatios as readonly string[]).includes(s.aspectRatio) &&
    route.resolutions.includes(s.resolution) &&
    route.fps.includes(s.fps)
  );
}

export interface Candidate {
  spec: ModelSpec;
  /** The provider has its keys (isConfigured) and the route works here (image mode reachable...). */
  usable: boolean;
}

const priceFor = (spec: ModelSpec, s: PriceSettings) => estimateUsd({ engine: spec.engine, price: priceOf(spec) }, s);

/** The routes to try, first to last: usable ones that support the settings, ordered by the choice. */
export function orderRoutes(candidates: readonly Candidate[], s: RouteSettings, choice: RouteChoice): ModelSpec[] {
  const fit = candidates.filter((c) => c.usable && supports(c.spec, s)).map((c) => c.spec);
  const cheapest = (a: ModelSpec, b: ModelSpec) => {
    const pa = priceFor(a, s);
    const pb = priceFor(b, s);
    if (pa !== pb) return pa === null ? 1 : pb === null ? -1 : pa - pb;
    return a.typicalLatencySeconds - b.typicalLatencySeconds;
  };
  const fastest = (a: ModelSpec, b: ModelSpec) => a.typicalLatencySeconds - b.typicalLatencySeconds || cheapest(a, b);
  // Array.prototype.sort is stable, so equal routes keep the registry's order.
  const sorted = [...fit].sort(choice.kind === "fastest" ? fastest : cheapest);
  if (choice.kind !== "provider") return sorted;
  return [...sorted.filter((m) => m.provider === choice.provider), ...sorted.filter((m) => m.provider !== choice.provider)];
}
