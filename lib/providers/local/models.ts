import { localPreview } from "../../models/local-preview";
import { routeSpec } from "../../models/route";
import type { ModelSpec } from "../types";

/** The one local model: real MP4s from ffmpeg on this machine, honestly not AI, and free. */
export const localModels: ModelSpec[] = [
  routeSpec("local", { family: localPreview, providerModel: "preview", price: { kind: "per_request", usd: 0 }, priceReadOn: "2026-11-21", typicalWaitSeconds: 5 }),
];
