/** What Settings → Providers shows: every provider's settings, where each value comes from, and never a saved secret. */
import "server-only";
import { env } from "../env";
import { savedSettings, settingSource, type SettingSource } from "./kit/settings";
import { PROVIDERS } from "./registry";
import { isSecretSetting, savedHint } from "./saved-settings";

export interface SettingView {
  name: string;
  secret: boolean;
  source: SettingSource;
  /** What may be shown: a URL in full, a saved secret's last four characters; null for an unset or server-set secret. */
  shown: string | null;
}

export interface ProviderSettingsView {
  id: string;
  label: string;
  configured: boolean;
  hint: string;
  canTest: boolean;
  settings: SettingView[];
}

export function providerSettingsView(): ProviderSettingsView[] {
  const all = env() as unknown as Record<string, unknown>;
  return PROVIDERS.filter((p) => p.config).map((p) => ({
    id: p.id,
    label: p.label,
    configured: p.isConfigured(),
    hint: p.configureHint,
    canTest: !!p.testConnection,
    settings: Object.keys(p.config!.schema.shape).map((name) => {
      const secret = isSecretSetting(name);
      const source = settingSource(name);
      const saved = savedSettings().get(name);
      const fromEnv = all[name] === undefined ? null : String(all[name]);
      const shown = source === "saved" && saved !== undefined ? savedHint(name, saved) : secret ? null : fromEnv;
      return { name, secret, source, shown };
    }),
  }));
}
