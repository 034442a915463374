/** AI.ML's settings slice: its key and API base (tests point the base at e2e/fakes/aiml.ts). */
import { z } from "zod";
import { optionalSetting, urlSetting } from "../kit/config-schema";

export const aimlConfig = z.object({
  AIML_API_KEY: optionalSetting,
  AIML_BASE_URL: urlSetting("AIML_BASE_URL").default("https://api.ai.ml"),
});
