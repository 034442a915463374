/**
 * A provider's current settings: its slice of the environment (lib/env.ts merges every slice),
 * overlaid by what the owner saved in Settings → Providers. A variable set in the environment wins.
 * Synchronous, from this process's copy of the saved values (lib/provider-settings/cache.ts), so
 * adapters read it on every call and a saved key takes effect at once, jobs in flight included.
 */
import "server-only";
import type { z, ZodObject, ZodRawShape, ZodType } from "zod";
import { env, setInEnvironment, type Env } from "../../env";
import { savedValue, settingsGeneration } from "../../provider-settings/cache";

interface Memo {
  env: Env;
  generation: number;
  value: Record<string, unknown>;
}

const memos = new WeakMap<object, Memo>();
const warned = new Set<string>();

export function providerSettings<S extends ZodRawShape>(slice: ZodObject<S>): z.infer<ZodObject<S>> {
  const e = env();
  const generation = settingsGeneration();
  const memo = memos.get(slice);
  if (memo && memo.env === e && memo.generation === generation) return memo.value as z.infer<ZodObject<S>>;

  const all = e as unknown as Record<string, unknown>;
  const picked: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(slice.shape) as Array<[string, ZodType]>) {
    picked[key] = all[key];
    const saved = setInEnvironment(key) ? undefined : savedValue(key);
    if (saved === undefined) continue;
    const parsed = field.safeParse(saved);
    if (parsed.success) picked[key] = parsed.data;
    else if (!warned.has(key)) {
      // Checked when saved; a later change to the slice's rules can still reject it. Keep running on the default.
      warned.add(key);
      console.warn(`[provider-settings] the saved ${key} is no longer valid (${parsed.error.issues[0]?.message}); using the default`);
    }
  }
  memos.set(slice, { env: e, generation, value: picked });
  return picked as z.infer<ZodObject<S>>;
}
