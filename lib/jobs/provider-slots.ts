/**
 * Per-provider limits on jobs in flight (ModelsLab accepts only 5–15 queued requests per
 * account). Jobs beyond a provider's `maxInFlight` stay `queued` in Dailies until a slot frees,
 * instead of being sent and refused with 429.
 */
import "server-only";
import type { Db } from "../db/client";
import { countHeldAtProvider } from "../db/queries/job-submits";
import type { Job } from "../db/schema";
import { getProvider, PROVIDERS } from "../providers/registry";
import type { VideoProvider } from "../providers/types";

/** The provider's limit, or undefined when it has none. */
export function slotFor(provider: VideoProvider): { provider: string; max: number } | undefined {
  const max = provider.maxInFlight?.();
  return typeof max === "number" && max > 0 ? { provider: provider.id, max } : undefined;
}

/** Each limited provider's limit and how many of its slots are taken now. */
export async function slotUse(db: Db, providers: readonly VideoProvider[] = PROVIDERS): Promise<Array<{ provider: VideoProvider; max: number; held: number }>> {
  // An unconfigured provider takes no jobs, so its slots need no counting on every worker tick.
  const limited = providers.flatMap((p) => {
    const slot = p.isConfigured() ? slotFor(p) : undefined;
    return slot ? [{ provider: p, max: slot.max }] : [];
  });
  const held = await countHeldAtProvider(db, limited.map((l) => l.provider.id));
  return limited.map((l) => ({ ...l, held: held.get(l.provider.id) ?? 0 }));
}

/** Providers whose every slot is taken: the claim leaves their queued jobs alone. */
export async function fullProviders(db: Db): Promise<string[]> {
  return (await slotUse(db)).filter((u) => u.held >= u.max).map((u) => u.provider.id);
}

/** For queued jobs whose provider has no free slot: the sentence the gallery and job page show. */
export async function waitingReasons(db: Db, jobs: readonly Job[]): Promise<Map<string, string>> {
  const reasons = new Map<string, string>();
  const queued = jobs.filter((j) => j.status === "queued" && j.submitStartedAt === null);
  const providers = [...new Set(queued.map((j) => j.provider))].flatMap((id) => getProvider(id) ?? []);
  if (!providers.length) return reasons;
  const use = new Map((await slotUse(db, providers)).map((u) => [u.provider.id, u]));
  for (const job of queued) {
    const u = use.get(job.provider);
    if (u && u.held >= u.max) reasons.set(job.id, `Waiting for a ${u.provider.label} slot (${u.held} of ${u.max} in use).`);
  }
  return reasons;
}
