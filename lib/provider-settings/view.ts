/**
 * What Settings → Providers shows of each provider: every setting in its slice and where its value
 * comes from. Secrets never leave the server again once saved: only their last four characters.
 */
import "server-only";
import type { ZodType } from "zod";
import { env, setInEnvironment } from "../env";
import { PROVIDERS } from "../providers/registry";
import type { VideoProvider } from "../providers/types";
import { savedEntry } from "./cache";

export type SettingSource = "env" | "saved" | "unreadable" | "none";

export interface SettingFieldView {
  name: string;
  secret: boolean;
  source: SettingSource;
  /** Secrets: "…abcd" when saved, else null. Other settings: the value in use, when it is plain text. */
  shown: string | null;
  /** The value used when nothing is set, if it has one. */
  defaultValue: string | null;
  /** Saved here but overridden by the environment: Remove tidies it away. */
  savedButOverridden: boolean;
}

export interface ProviderSettingsView {
  id: string;
  label: string;
  configured: boolean;
  hint: string;
  canTest: boolean;
  fields: SettingFieldView[];
}

/** API keys, tokens, secrets and passwords: write-only once saved. */
export function isSecretSetting(name: string): boolean {
  return /(?:^|_)(?:KEY|TOKEN|SECRET|PASSWORD)$/.test(name);
}

/** A short secret shows nothing: four characters of eight would give half of it away. */
export function lastFour(value: string): string {
  return value.length >= 12 ? `…${value.slice(-4)}` : "…";
}

/** Providers with settings of their own, in registry order. */
export function editableProviders(): VideoProvider[] {
  return PROVIDERS.filter((p) => p.config && Object.keys(p.config.schema.shape).length > 0);
}

export function editableProvider(id: string): VideoProvider | undefined {
  return editableProviders().find((p) => p.id === id);
}

const plain = (v: unknown): string | null => (typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? String(v) : null);

function defaultOf(field: ZodType): string | null {
  const parsed = field.safeParse(undefined);
  return parsed.success ? plain(parsed.data) : null;
}

function fieldView(name: string, field: ZodType): SettingFieldView {
  const secret = isSecretSetting(name);
  const saved = savedEntry(name);
  const base = { name, secret, defaultValue: secret ? null : defaultOf(field), savedButOverridden: false };
  if (setInEnvironment(name)) {
    const value = (env() as unknown as Record<string, unknown>)[name];
    return { ...base, source: "env", shown: secret ? null : plain(value), savedButOverridden: !!saved };
  }
  if (!saved) return { ...base, source: "none", shown: null };
  if (saved.value === null) return { ...base, source: "unreadable", shown: null };
  return { ...base, source: "saved", shown: secret ? lastFour(saved.value) : saved.value };
}

/** From this process's copy of the saved values: refresh it first (the page and the API do). */
export function providerSettingsView(p: VideoProvider): ProviderSettingsView {
  const shape = (p.config?.schema.shape ?? {}) as Record<string, ZodType>;
  return {
    id: p.id,
    label: p.label,
    configured: p.isConfigured(),
    hint: p.configureHint,
    canTest: typeof p.testConnection === "function",
    fields: Object.entries(shape).map(([name, field]) => fieldView(name, field)),
  };
}

export function providerSettingsViews(): ProviderSettingsView[] {
  return editableProviders().map(providerSettingsView);
}
