/**
 * Catalogs from the providers themselves. Where a provider lists its models (`discover`), the
 * worker asks at start and every few hours, stores the last good list in the database and
 * merges it with the built-in data; a failed refresh keeps the last good copy and says so in
 * the log. Every process loads the stored lists, so a web server without a worker agrees.
 */
import "server-only";
import type { Db } from "../db/client";
import { readSettingsWithPrefix, writeSetting } from "../db/queries/instance-settings";
import { isSpecOf, mergeDiscovered } from "./merge-models";
import { PROVIDERS, setDiscoveredModels } from "./registry";
import type { ModelSpec, VideoProvider } from "./types";

const PREFIX = "catalog:";
export const REFRESH_EVERY_MS = 4 * 60 * 60 * 1000;
/** A provider without a good list yet (no key, an outage) is asked again this soon. */
const RETRY_AFTER_MS = 5 * 60 * 1000;
/** How stale a process's copy of the stored lists may get before it reads them again. */
const RELOAD_AFTER_MS = 30_000;

interface Stored {
  fetchedAt: number;
  models: ModelSpec[];
  /** Listed before, not any more: kept so jobs made with them can still be followed. */
  retired?: ModelSpec[];
}

const MAX_RETIRED = 200;

interface State {
  loadedAt: number;
  nextRefresh: Map<string, number>;
  running: Promise<void> | null;
}

const holder = globalThis as typeof globalThis & { __dailiesCatalogState?: State };
const state = (): State => (holder.__dailiesCatalogState ??= { loadedAt: 0, nextRefresh: new Map(), running: null });

function apply(provider: VideoProvider, stored: Stored): void {
  const valid = (list: unknown[] | undefined) => (list ?? []).filter((m): m is ModelSpec => isSpecOf(provider.id, m));
  setDiscoveredModels(provider.id, mergeDiscovered(provider.models, valid(stored.models)), mergeDiscovered(provider.models, valid(stored.retired)));
}

async function storedList(db: Db, provider: VideoProvider): Promise<Stored | null> {
  const row = (await readSettingsWithPrefix(db, PREFIX + provider.id)).find((r) => r.key === PREFIX + provider.id);
  if (!row) return null;
  try {
    return JSON.parse(row.value) as Stored;
  } catch {
    return null;
  }
}

/** Reads every stored list into this process. */
export async function loadStoredCatalogs(db: Db, now = Date.now()): Promise<void> {
  const rows = await readSettingsWithPrefix(db, PREFIX);
  for (const provider of PROVIDERS.filter((p) => p.discover)) {
    const row = rows.find((r) => r.key === PREFIX + provider.id);
    if (!row) continue;
    try {
      apply(provider, JSON.parse(row.value) as Stored);
    } catch (err) {
      console.warn(`[catalog] the stored model list of ${provider.label} is unreadable; using the built-in one until the next refresh`, err);
    }
  }
  state().loadedAt = now;
}

/** Loads the stored lists again when this process's copy is older than a few seconds (cheap; call before using the catalog). */
export async function syncCatalog(db: Db, now = Date.now()): Promise<void> {
  if (now - state().loadedAt > RELOAD_AFTER_MS) await loadStoredCatalogs(db, now);
}

/** Asks one provider for its list; on success stores and uses it, otherwise keeps the last good copy. */
export async function refreshProviderCatalog(db: Db, provider: VideoProvider, now = Date.now()): Promise<boolean> {
  if (!provider.discover || !provider.isConfigured()) return false;
  try {
    const listed = await provider.discover();
    const models = listed.filter((m) => isSpecOf(provider.id, m));
    if (models.length < listed.length) console.warn(`[catalog] ${provider.label} listed ${listed.length - models.length} model(s) Dailies cannot use; they are left out`);
    const before = await storedList(db, provider);
    const listedNow = new Set(models.map((m) => m.id));
    const retired = new Map<string, ModelSpec>();
    for (const m of [...(before?.models ?? []), ...(before?.retired ?? [])]) if (!listedNow.has(m.id) && !retired.has(m.id)) retired.set(m.id, m);
    const stored: Stored = { fetchedAt: now, models, retired: [...retired.values()].slice(0, MAX_RETIRED) };
    await writeSetting(db, PREFIX + provider.id, JSON.stringify(stored));
    apply(provider, stored);
    state().nextRefresh.set(provider.id, now + REFRESH_EVERY_MS);
    return true;
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    console.warn(`[catalog] refreshing the model list of ${provider.label} failed; keeping the last good copy: ${reason}`);
    state().nextRefresh.set(provider.id, now + RETRY_AFTER_MS);
    return false;
  }
}

/** Refreshes every provider whose list is due (all of them with `force`); one run at a time. */
export function refreshDueCatalogs(db: Db, opts: { now?: number; force?: boolean } = {}): Promise<void> {
  const s = state();
  s.running ??= (async () => {
    const now = opts.now ?? Date.now();
    const due = PROVIDERS.filter((p) => p.discover && (opts.force || (s.nextRefresh.get(p.id) ?? 0) <= now));
    await Promise.all(due.map((p) => refreshProviderCatalog(db, p, now)));
  })().finally(() => {
    s.running = null;
  });
  return s.running;
}

/** The worker's share, every tick: keep this process's copy fresh and start due refreshes without waiting for them. */
export async function catalogTick(db: Db, now = Date.now()): Promise<void> {
  await syncCatalog(db, now);
  if (!state().running) void refreshDueCatalogs(db, { now }).catch((err) => console.warn("[catalog] refresh failed", err));
}
