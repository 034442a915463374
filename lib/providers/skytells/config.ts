/** Skytells settings (pure zod; lib/env.ts merges this slice). */
import { z } from "zod";
import { optionalSetting, urlSetting } from "../kit/config-schema";

export const skytellsConfig = z.object({
  SKYTELLS_API_KEY: optionalSetting,
  /** Includes `/v1`, as Skytells' own SDK expects. */
  SKYTELLS_BASE_URL: urlSetting("SKYTELLS_BASE_URL").default("https://api.skytells.ai/v1"),
  /** The dashboard's webhook secret ("enterprise" mode); without it webhooks are signed with the API key. */
  SKYTELLS_WEBHOOK_SECRET: optionalSetting,
});
