/** ModelsLab's settings slice (pure zod; lib/env.ts merges it). */
import { z } from "zod";
import { optionalSetting, positiveIntSetting, urlSetting } from "../kit/config-schema";

export const modelslabConfig = z.object({
  MODELSLAB_API_KEY: optionalSetting,
  /** The API root that holds both `/v6/video/...` and `/v7/video-fusion/...` (a fake: http://127.0.0.1:PORT/api). */
  MODELSLAB_BASE_URL: urlSetting("MODELSLAB_BASE_URL").default("https://modelslab.com/api"),
  /** ModelsLab refuses more than 5 (pay-as-you-go), 10 or 15 queued requests per account; Dailies keeps the rest waiting. */
  MODELSLAB_MAX_IN_FLIGHT: positiveIntSetting(5),
});
