import "server-only";
import { env } from "../env";
import { orderRoutes, type RouteSettings } from "../models/route-order";
import { familyOf } from "../models/route";
import { imageModeUnavailable } from "../providers/kit/image";
import { isOffered, providerOf, routesOf } from "../providers/registry";
import type { ModelSpec } from "../providers/types";

export interface JobRouteRequest extends RouteSettings {
  negativePrompt: boolean;
  seed: boolean;
}

/**
 * The routes a new job may try, its chosen model first: then the other routes of its family that
 * are configured here and take these settings as they are, cheapest first. With fallback off,
 * only the chosen model.
 */
export function routesForJob(chosen: ModelSpec, req: JobRouteRequest, fallback: boolean): string[] {
  if (!fallback) return [chosen.id];
  const others = routesOf(familyOf(chosen))
    .filter((m) => m.id !== chosen.id)
    .map((spec) => ({
      spec,
      usable:
        providerOf(spec).isConfigured() &&
        isOffered(spec.id) &&
        (req.mode === "text" || !imageModeUnavailable(spec, env().PUBLIC_URL)) &&
        (!req.negativePrompt || spec.negativePrompt) &&
        (!req.seed || spec.seed),
    }));
  return [chosen.id, ...orderRoutes(others, req, { kind: "best" }).map((m) => m.id)];
}

/** The per-job switch: fallback is on unless the request says false / "false" / "off". */
export function fallbackAsked(value: unknown): boolean {
  return !(value === false || value === "false" || value === "off");
}
