/**
 * Providers' own model lists: fetched at start and every CATALOG_REFRESH_HOURS by whichever
 * instance claims the refresh (a lease in the database), stored as the last good copy, and
 * loaded by every instance (web servers, `npm run worker`) into the registry's in-memory view.
 * A failed refresh keeps the last good copy and says so in one log line.
 */
import "server-only";
import type { Db } from "../db/client";
import { db as appDb } from "../db/client";
import {
  claimCatalogRefresh,
  listProviderCatalogs,
  recordCatalogError,
  saveCatalog,
  type ProviderCatalogRow,
} from "../db/queries/provider-catalogs";
import { env } from "../env";
import { retiredAfter, usableSpecs, type DiscoveredCatalog } from "./catalog-merge";
import { ProviderError } from "./kit/errors";
import { getModel, PROVIDERS, setDiscoveredCatalogs } from "./registry";
import type { ModelSpec, VideoProvider } from "./types";

/** After a failed refresh, try again this soon (or at the normal interval, if shorter). */
const RETRY_AFTER_FAILURE_MS = 5 * 60_000;
/** How often an instance looks at the stored copies (to pick up another instance's refresh). */
const CHECK_EVERY_MS = 5 * 60_000;
/** A model id no instance knows makes us re-read the stored copies, at most this often. */
const RELOAD_ON_MISS_MS = 2000;

export interface RefreshOutcome {
  provider: string;
  /** "refreshed": a new good copy; "failed": the last good copy stays; the others did not call the provider. */
  result: "refreshed" | "failed" | "not configured" | "not due" | "claimed elsewhere";
  models?: number;
  ms?: number;
  error?: string;
}

export interface CatalogStatus {
  fetchedAt: number | null;
  lastError: string | null;
  lastErrorAt: number | null;
}

interface State {
  status: Map<string, CatalogStatus>;
  lastLoad: number;
  started?: Promise<void>;
  running?: Promise<RefreshOutcome[]>;
  timer?: NodeJS.Timeout;
}
const holder = globalThis as typeof globalThis & { __dailiesCatalogState?: State };
const state = (): State => (holder.__dailiesCatalogState ??= { status: new Map(), lastLoad: 0 });

const refreshMs = () => env().CATALOG_REFRESH_HOURS * 3_600_000;
/** The whole list call, however many requests a provider needs for it. */
const timeoutMs = () => 2 * env().PROVIDER_TIMEOUT_SECONDS * 1000;

function copyOf(row: ProviderCatalogRow): DiscoveredCatalog | null {
  if (!Array.isArray(row.models)) return null;
  return { listed: usableSpecs(row.provider, row.models).specs, retired: Array.isArray(row.retired) ? usableSpecs(row.provider, row.retired).specs : [] };
}

/** The stored copies as the registry uses them: each provider's usable specs, for providers with a good copy. */
export function discoveredFromRows(providers: readonly VideoProvider[], rows: readonly ProviderCatalogRow[]): Map<string, DiscoveredCatalog> {
  const out = new Map<string, DiscoveredCatalog>();
  for (const row of rows) {
    const copy = providers.some((p) => p.id === row.provider && p.discover) ? copyOf(row) : null;
    if (copy) out.set(row.provider, copy);
  }
  return out;
}

/** Reads every stored copy into the registry's in-memory view. */
export async function loadCatalogs(db: Db): Promise<void> {
  const rows = await listProviderCatalogs(db);
  setDiscoveredCatalogs(discoveredFromRows(PROVIDERS, rows));
  const s = state();
  s.status = new Map(rows.map((r) => [r.provider, { fetchedAt: r.fetchedAt, lastError: r.lastError, lastErrorAt: r.lastErrorAt }]));
  s.lastLoad = Date.now();
}

/** How the last refreshes of this provider's list went, as this instance last read them. */
export function catalogStatus(providerId: string): CatalogStatus | undefined {
  return state().status.get(providerId);
}

/** Makes sure a model another instance may have discovered is known here (re-reads the stored copies on a miss). */
export async function ensureModelKnown(db: Db, id: string): Promise<void> {
  if (getModel(id) || Date.now() - state().lastLoad < RELOAD_ON_MISS_MS) return;
  await loadCatalogs(db);
}

function isDue(row: ProviderCatalogRow | undefined, now: number, force: boolean): boolean {
  if (force || !row) return true;
  const fetched = row.fetchedAt ?? 0;
  const failed = row.lastErrorAt ?? 0;
  if (failed > fetched) return failed <= now - Math.min(RETRY_AFTER_FAILURE_MS, refreshMs());
  return fetched <= now - refreshMs();
}

function withTimeout<T>(work: Promise<T>, ms: number, label: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${label} did not send its model list within ${ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`}`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err)).slice(0, 500);

async function refreshOne(db: Db, p: VideoProvider, row: ProviderCatalogRow | undefined, now: number, limitMs: number): Promise<RefreshOutcome> {
  if (!(await claimCatalogRefresh(db, p.id, now, now + limitMs + 10_000, row))) return { provider: p.id, result: "claimed elsewhere" };
  const started = Date.now();
  try {
    const listed = await withTimeout(listOnce(p), limitMs, p.label);
    const { specs, dropped } = usableSpecs(p.id, listed);
    if (dropped.length) console.warn(`[catalog] ${p.label}: left out ${dropped.length} listed model(s) Dailies cannot use: ${dropped.slice(0, 3).join("; ")}`);
    // An empty answer is far more often a broken list than a provider with no models: keep the copy.
    if (specs.length === 0) throw new Error(`${p.label} listed no video models Dailies can use`);
    await saveCatalog(db, p.id, { models: specs, retired: retiredAfter(row ? copyOf(row) : null, specs) }, Date.now());
    return { provider: p.id, result: "refreshed", models: specs.length, ms: Date.now() - started };
  } catch (err) {
    const message = errorText(err);
    await recordCatalogError(db, p.id, message, Date.now());
    const kept = Array.isArray(row?.models) && row.fetchedAt
      ? `keeping the last good copy from ${new Date(row.fetchedAt).toISOString()} (${row.models.length} models)`
      : `there is no stored copy, so it offers its built-in models (${p.models.length})`;
    console.warn(`[catalog] ${p.label}: model list refresh failed (${message}); ${kept}.`);
    return { provider: p.id, result: "failed", ms: Date.now() - started, error: message };
  }
}

/** The provider's list, asked a second time after a retryable failure (a reset connection, a 503). */
async function listOnce(p: VideoProvider): Promise<ModelSpec[]> {
  try {
    return await p.discover!();
  } catch (err) {
    if (!(err instanceof ProviderError) || !err.retryable || err.code === "rate_limited") throw err;
    return p.discover!();
  }
}

export interface RefreshOptions {
  /** Refresh even if the stored copy is recent (at start). Another instance's refresh in progress still wins. */
  force?: boolean;
  now?: number;
  /** For tests: providers other than the registry's. */
  providers?: readonly VideoProvider[];
  timeoutMs?: number;
}

/**
 * Refreshes every configured provider that lists its models and is due, then reloads the view.
 * Providers are asked in parallel; one slow or failing provider does not hold back the others.
 */
export async function refreshCatalogs(db: Db, opts: RefreshOptions = {}): Promise<RefreshOutcome[]> {
  const now = opts.now ?? Date.now();
  const rows = new Map((await listProviderCatalogs(db)).map((r) => [r.provider, r]));
  const limitMs = opts.timeoutMs ?? timeoutMs();
  const outcomes = await Promise.all(
    (opts.providers ?? PROVIDERS)
      .filter((p) => p.discover)
      .map(async (p): Promise<RefreshOutcome> => {
        if (!p.isConfigured()) return { provider: p.id, result: "not configured" };
        if (!isDue(rows.get(p.id), now, !!opts.force)) return { provider: p.id, result: "not due" };
        return refreshOne(db, p, rows.get(p.id), now, limitMs);
      }),
  );
  await loadCatalogs(db);
  return outcomes;
}

/** One refresh at a time in this process; a second caller shares the first one's. */
function refreshOnce(db: Db, opts: RefreshOptions): Promise<RefreshOutcome[]> {
  const s = state();
  s.running ??= refreshCatalogs(db, opts).finally(() => (s.running = undefined));
  return s.running;
}

/** Waits (bounded) for another instance's refresh to end, then reads what it stored. */
async function awaitOtherRefresh(db: Db, limitMs: number): Promise<void> {
  const end = Date.now() + limitMs + 10_000;
  while (Date.now() < end) {
    const rows = await listProviderCatalogs(db);
    if (!rows.some((r) => r.refreshingUntil !== null && r.refreshingUntil > Date.now())) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await loadCatalogs(db);
}

async function startOn(db: Db): Promise<void> {
  await loadCatalogs(db);
  const outcomes = await refreshOnce(db, { force: true });
  for (const o of outcomes)
    if (o.result === "refreshed") console.log(`[catalog] ${o.provider}: ${o.models} models listed (${o.ms} ms)`);
  const s = state();
  s.timer = setInterval(() => void refreshOnce(db, {}).catch((err: unknown) => console.warn(`[catalog] refresh failed: ${errorText(err)}`)), Math.min(CHECK_EVERY_MS, refreshMs()));
  s.timer.unref();
  if (outcomes.some((o) => o.result === "claimed elsewhere")) await awaitOtherRefresh(db, timeoutMs());
}

/**
 * Loads the stored copies and starts this process's refresh loop (idempotent). Resolves after
 * the first refresh; callers that must not wait on providers don't await it.
 */
export function startCatalogRefresh(db?: Db): Promise<void> {
  const s = state();
  s.started ??= (db ? Promise.resolve(db) : appDb()).then(startOn).catch((err: unknown) => {
    s.started = undefined;
    console.warn(`[catalog] could not start the model list refresh: ${errorText(err)}`);
  });
  return s.started;
}

/** Stops the refresh loop (tests, shutdown). */
export function stopCatalogRefresh(): void {
  const s = state();
  if (s.timer) clearInterval(s.timer);
  s.timer = undefined;
  s.started = undefined;
}
