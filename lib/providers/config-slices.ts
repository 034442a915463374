/**
 * Every provider's settings slice, merged into lib/env.ts's schema. One line per provider
 * folder; the slices are pure zod (no env reads), so env.ts can import them.
 */
import { aimlConfig } from "./aiml/config";
import { falConfig } from "./fal/config";
import { gatewayConfig } from "./gateway/config";
import { localConfig } from "./local/config";
import { modelslabConfig } from "./modelslab/config";
import { replicateConfig } from "./replicate/config";
import { skytellsConfig } from "./skytells/config";
import { visgateConfig } from "./visgate/config";

export const providerConfigShape = {
  ...localConfig.shape,
  ...replicateConfig.shape,
  ...falConfig.shape,
  ...aimlConfig.shape,
  ...visgateConfig.shape,
  ...skytellsConfig.shape,
  ...modelslabConfig.shape,
  ...gatewayConfig.shape,
};
