import type { ProviderSettingsView } from "@/lib/providers/settings-view";
import { ProviderSettingRow } from "./provider-setting-row";
import { SettingsSection } from "./settings-section";
import { TestConnectionButton } from "./test-connection-button";

/** The owner's keys and base URLs for each provider, without a restart; the environment wins where it sets one. */
export function ProvidersSection({ providers }: { providers: ProviderSettingsView[] }) {
  return (
    <SettingsSection
      id="providers-title"
      title="Providers"
      intro="Keys are stored encrypted and never shown again (only their last four characters). A value set in the server's environment wins and cannot be changed here."
    >
      <div className="flex flex-col divide-y divide-neutral-800">
        {providers.map((p) => (
          <section key={p.id} aria-labelledby={`provider-${p.id}`} className="flex flex-col gap-3 py-4 first:pt-0 last:pb-0">
            <div>
              <h3 id={`provider-${p.id}`} className="text-sm font-semibold text-neutral-100">
                {p.label}
              </h3>
              <p className="text-xs text-neutral-400">{p.configured ? "Set up: its models can be used." : p.hint}</p>
            </div>
            {p.settings.map((s) => (
              <ProviderSettingRow key={s.name} provider={p.id} setting={s} />
            ))}
            {p.canTest && p.configured && <TestConnectionButton provider={p.id} label={p.label} />}
          </section>
        ))}
      </div>
    </SettingsSection>
  );
}
