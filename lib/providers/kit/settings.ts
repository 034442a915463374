/**
 * A provider's current settings: its slice of the environment (lib/env.ts merges every slice),
 * overlaid by what the owner saved in Settings → Providers. A variable set in the environment wins.
 */
import "server-only";
import type { z, ZodObject, ZodRawShape } from "zod";
import { env } from "../../env";

export function providerSettings<S extends ZodRawShape>(slice: ZodObject<S>): z.infer<ZodObject<S>> {
  const all = env() as unknown as Record<string, unknown>;
  const picked: Record<string, unknown> = {};
  for (const key of Object.keys(slice.shape)) picked[key] = all[key];
  return picked as z.infer<ZodObject<S>>;
}
