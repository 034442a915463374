/**
 * Provider settings the owner saves in Settings → Providers: encrypted at rest with a key
 * derived from APP_SECRET (AES-256-GCM), kept in the instance settings table, and mirrored in
 * each process's memory for kit/settings.ts. The web server updates its copy when it saves;
 * other processes (a separate worker) refresh theirs on every worker tick.
 */
import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import type { Db } from "../db/client";
import { deleteSetting, readSettingsWithPrefix, writeSetting } from "../db/queries/instance-settings";
import { env } from "../env";
import { savedSettings, setSavedSettings } from "./kit/settings";

const PREFIX = "provider:";
const VERSION = "v1";

function key(): Buffer {
  return Buffer.from(hkdfSync("sha256", env().APP_SECRET, "dailies", "provider-settings", 32));
}

export function encryptSetting(value: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const sealed = Buffer.concat([cipher.update(value, "utf8"), cipher.final()]);
  return [VERSION, iv.toString("base64url"), sealed.toString("base64url"), cipher.getAuthTag().toString("base64url")].join(".");
}

/** The value, or null when it was not sealed with this APP_SECRET (or was altered). */
export function decryptSetting(blob: string): string | null {
  const [version, iv, sealed, tag] = blob.split(".");
  if (version !== VERSION || !iv || !sealed || !tag) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(sealed, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}

/** Reloads this process's copy from the database. */
export async function refreshSavedSettings(db: Db): Promise<void> {
  const next = new Map<string, string>();
  for (const row of await readSettingsWithPrefix(db, PREFIX)) {
    const name = row.key.slice(PREFIX.length);
    const value = decryptSetting(row.value);
    if (value === null) console.warn(`[settings] the saved ${name} cannot be read with this APP_SECRET; save it again in Settings → Providers`);
    else next.set(name, value);
  }
  setSavedSettings(next);
}

export async function saveProviderSetting(db: Db, name: string, value: string): Promise<void> {
  await writeSetting(db, PREFIX + name, encryptSetting(value));
  setSavedSettings(new Map(savedSettings()).set(name, value));
}

export async function removeProviderSetting(db: Db, name: string): Promise<void> {
  await deleteSetting(db, PREFIX + name);
  const next = new Map(savedSettings());
  next.delete(name);
  setSavedSettings(next);
}

/** What the settings page may show of a saved value: the last four characters of a secret, a URL in full. */
export function savedHint(name: string, value: string): string {
  if (!isSecretSetting(name)) return value;
  return value.length > 8 ? `…${value.slice(-4)}` : "…";
}

/** Keys, tokens and secrets are never shown again once saved. */
export function isSecretSetting(name: string): boolean {
  return /KEY|TOKEN|SECRET|PASSWORD/i.test(name);
}
