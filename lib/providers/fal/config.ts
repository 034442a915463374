/** fal's settings slice (merged into lib/env.ts through config-slices.ts). */
import { z } from "zod";
import { optionalSetting, urlSetting } from "../kit/config-schema";

export const falConfig = z.object({
  FAL_KEY: optionalSetting,
  FAL_QUEUE_URL: urlSetting("FAL_QUEUE_URL").default("https://queue.fal.run"),
  FAL_REST_URL: urlSetting("FAL_REST_URL").default("https://rest.fal.ai"),
  FAL_JWKS_URL: urlSetting("FAL_JWKS_URL").default("https://rest.alpha.fal.ai/.well-known/jwks.json"),
});
