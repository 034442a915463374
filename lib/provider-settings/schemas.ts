/**
 * The JSON of /api/settings/providers* as zod schemas, for the OpenAPI document; the compile-time
 * checks below fail when they and the views the routes answer with drift apart.
 */
import { z } from "zod";
import type { ConnectionTest } from "./manage";
import type { ProviderSettingsView } from "./view";

export const providerSettingsViewSchema = z.object({
  id: z.string(),
  label: z.string(),
  configured: z.boolean(),
  hint: z.string(),
  canTest: z.boolean(),
  fields: z.array(
    z.object({
      name: z.string(),
      secret: z.boolean(),
      source: z.enum(["env", "saved", "unreadable", "none"]),
      shown: z.string().nullable().describe('Secrets: "…abcd" when saved; other settings: the value in use'),
      defaultValue: z.string().nullable(),
      savedButOverridden: z.boolean(),
    }),
  ),
});

export const providerSettingsListSchema = z.object({ providers: z.array(providerSettingsViewSchema) });

export const connectionTestSchema = z.object({ connected: z.boolean(), message: z.string() });

export const providerSettingsInputSchema = z.object({
  values: z.record(z.string(), z.string()).describe("Setting name -> value; blank values are left as they are"),
});

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const viewMatches: Same<z.infer<typeof providerSettingsViewSchema>, ProviderSettingsView> = true;
const testMatches: Same<z.infer<typeof connectionTestSchema>, ConnectionTest> = true;
void viewMatches;
void testMatches;
