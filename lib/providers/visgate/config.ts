/** Visgate's settings slice: its `vg-…` key and API base (tests point the base at e2e/fakes/visgate.ts). */
import { z } from "zod";
import { optionalSetting, urlSetting } from "../kit/config-schema";

export const visgateConfig = z.object({
  VISGATE_API_KEY: optionalSetting,
  VISGATE_BASE_URL: urlSetting("VISGATE_BASE_URL").default("https://visgateai.com/api/v1"),
});
