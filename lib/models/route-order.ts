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

/** What ordering needs of a route: a catalog spec, or the composer's plain copy of one. */
export type RouteLike = Pick<ModelSpec, "id" | "provider" | "engine" | "modes" | "durations" | "aspectRatios" | "resolutions" | "fps" | "typicalLatencySeconds" | "pricePerSecondUsd"> & {
  price?: ModelSpec["price"];
};

export interface Candidate<T extends RouteLike = ModelSpec> {
  spec: T;
  /** The provider has its keys (isConfigured) and the route works here (image mode reachable...). */
  usable: boolean;
}

const priceFor = (spec: RouteLike, s: PriceSettings) => estimateUsd({ engine: spec.engine, price: priceOf(spec) }, s);

/** The routes to try, first to last: usable ones that support the settings, ordered by the choice. */
export function orderRoutes<T extends RouteLike>(candidates: readonly Candidate<T>[], s: RouteSettings, choice: RouteChoice): T[] {
  const fit = candidates.filter((c) => c.usable && supports(c.spec, s)).map((c) => c.spec);
  const cheapest = (a: T, b: T) => {
    const pa = priceFor(a, s);
    const pb = priceFor(b, s);
    if (pa !== pb) return pa === null ? 1 : pb === null ? -1 : pa - pb;
    return a.typicalLatencySeconds - b.typicalLatencySeconds;
  };
  const fastest = (a: T, b: T) => a.typicalLatencySeconds - b.typicalLatencySeconds || cheapest(a, b);
  // Array.prototype.sort is stable, so equal routes keep the registry's order.
  const sorted = [...fit].sort(choice.kind === "fastest" ? fastest : cheapest);
  if (choice.kind !== "provider") return sorted;
  return [...sorted.filter((m) => m.provider === choice.provider), ...sorted.filter((m) => m.provider !== choice.provider)];
}
