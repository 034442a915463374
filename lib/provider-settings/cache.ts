/**
 * This process's copy of what the owner saved in Settings → Providers, decrypted, so adapters
 * read their settings synchronously. Loaded at start, reloaded at once after a save here, and
 * otherwise whenever the database's version token changes (checked every few seconds), so another
 * web server or `npm run worker` picks a change up without a restart.
 */
import "server-only";
import type { Db } from "../db/client";
import { listSavedProviderSettings, providerSettingsVersion } from "../db/queries/provider-settings";
import { env } from "../env";
import { openSetting, UnreadableSettingError } from "./crypto";

/** How often a process asks the database whether the saved settings changed (one small read). */
export const REFRESH_MS = 5_000;

export interface SavedEntry {
  provider: string;
  name: string;
  /** Null when it does not decrypt (saved under another APP_SECRET): treated as not saved. */
  value: string | null;
  updatedAt: number;
}

interface State {
  entries: ReadonlyMap<string, SavedEntry>;
  version: string | null;
  loaded: boolean;
  /** Grows with every reload, so readers can memoize on it. */
  generation: number;
  chain: Promise<unknown>;
  timer: NodeJS.Timeout | null;
  warned: Set<string>;
}

// On globalThis: Next.js bundles instrumentation and routes separately, and they must share one copy.
const holder = globalThis as typeof globalThis & { __dailiesProviderSettings?: State };
const state = (): State =>
  (holder.__dailiesProviderSettings ??= { entries: new Map(), version: null, loaded: false, generation: 0, chain: Promise.resolve(), timer: null, warned: new Set() });

function warnOnce(message: string): void {
  const s = state();
  if (s.warned.has(message)) return;
  s.warned.add(message);
  console.warn(`[provider-settings] ${message}`);
}

export function savedEntry(name: string): SavedEntry | undefined {
  return state().entries.get(name);
}

/** The saved plain value of a setting, if there is a readable one. */
export function savedValue(name: string): string | undefined {
  return state().entries.get(name)?.value ?? undefined;
}

export function settingsGeneration(): number {
  return state().generation;
}

async function reload(db: Db, force: boolean): Promise<boolean> {
  const s = state();
  // The version is read before the rows: a write in between leaves a stale token, so the next check reloads again.
  const version = await providerSettingsVersion(db);
  if (!force && s.loaded && version === s.version) return false;
  const rows = await listSavedProviderSettings(db);
  const secret = env().APP_SECRET;
  const entries = new Map<string, SavedEntry>();
  for (const row of rows) {
    let value: string | null = null;
    try {
      value = openSetting(secret, row, row.sealed);
    } catch (err) {
      if (!(err instanceof UnreadableSettingError)) throw err;
      warnOnce(err.message);
    }
    entries.set(row.name, { provider: row.provider, name: row.name, value, updatedAt: row.updatedAt });
  }
  Object.assign(s, { entries, version, loaded: true, generation: s.generation + 1 });
  return true;
}

/**
 * Reloads if the database says something changed (or always, with `force`); returns whether it
 * reloaded. Calls run one after another, so a forced reload after a save is never overtaken.
 */
export function refreshProviderSettings(db: Db, opts: { force?: boolean } = {}): Promise<boolean> {
  const s = state();
  const next = s.chain.then(() => reload(db, opts.force ?? false));
  s.chain = next.catch(() => undefined);
  return next;
}

/** Loads the saved settings and keeps them fresh (idempotent); call once per process at start. */
export async function startProviderSettings(db: Db, refreshMs = REFRESH_MS): Promise<void> {
  await refreshProviderSettings(db, { force: true });
  const s = state();
  if (s.timer) return;
  s.timer = setInterval(() => {
    refreshProviderSettings(db).catch((err: unknown) => warnOnce(`could not check for changed provider settings: ${err instanceof Error ? err.message : String(err)}`));
  }, refreshMs);
  s.timer.unref();
}

/** Tests: forget everything, stop the refresh timer. */
export function resetProviderSettingsCache(): void {
  const s = holder.__dailiesProviderSettings;
  if (s?.timer) clearInterval(s.timer);
  holder.__dailiesProviderSettings = undefined;
}
