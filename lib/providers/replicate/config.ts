/** Replicate's settings slice (merged into lib/env.ts through config-slices.ts). */
import { z } from "zod";
import { optionalSetting, urlSetting } from "../kit/config-schema";

export const replicateConfig = z.object({
  REPLICATE_API_TOKEN: optionalSetting,
  REPLICATE_BASE_URL: urlSetting("REPLICATE_BASE_URL").default("https://api.replicate.com/v1"),
  /** Optional: without it the signing secret is fetched once from Replicate's API. */
  REPLICATE_WEBHOOK_SECRET: optionalSetting,
});
