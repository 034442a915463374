/** The local preview's settings slice (merged into lib/env.ts through config-slices.ts). */
import { z } from "zod";
import { positiveIntSetting } from "../kit/config-schema";

export const localConfig = z.object({
  /** Local preview renders at once; the rest wait in order. */
  LOCAL_RENDER_CONCURRENCY: positiveIntSetting(1),
});
