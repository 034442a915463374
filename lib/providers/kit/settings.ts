/**
 * A provider's current settings: its slice of the environment (lib/env.ts merges every slice),
 * overlaid by what the owner saved in Settings → Providers. A variable set in the environment
 * wins. Saved values live in this process's memory, refreshed from the database
 * (lib/providers/saved-settings.ts), so this call stays synchronous and cheap on every request.
 */
import "server-only";
import type { z, ZodObject, ZodRawShape } from "zod";
import { env, setInEnvironment } from "../../env";

const holder = globalThis as typeof globalThis & { __dailiesSavedProviderSettings?: ReadonlyMap<string, string> };

/** Replaces the saved values this process knows (decrypted, by setting name). */
export function setSavedSettings(values: ReadonlyMap<string, string>): void {
  holder.__dailiesSavedProviderSettings = new Map(values);
}

/** The saved values this process knows. */
export const savedSettings = (): ReadonlyMap<string, string> => holder.__dailiesSavedProviderSettings ?? new Map();
const saved = savedSettings;

export type SettingSource = "environment" | "saved" | "default";

/** Where a setting's value comes from right now. */
export function settingSource(name: string): SettingSource {
  if (setInEnvironment(name)) return "environment";
  return saved().has(name) ? "saved" : "default";
}

export function providerSettings<S extends ZodRawShape>(slice: ZodObject<S>): z.infer<ZodObject<S>> {
  const all = env() as unknown as Record<string, unknown>;
  const picked: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(slice.shape)) {
    const stored = setInEnvironment(key) ? undefined : saved().get(key);
    const parsed = stored === undefined ? null : (schema as z.ZodType).safeParse(stored);
    // A saved value that no longer parses (a rule changed) falls back to the environment's.
    picked[key] = parsed?.success ? parsed.data : all[key];
  }
  return picked as z.infer<ZodObject<S>>;
}
