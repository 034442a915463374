import type { ProviderSettingsView } from "@/lib/provider-settings/view";
import { ProviderSettingsCard } from "./provider-settings-card";
import { SettingsSection } from "./settings-section";

/** The owner's Settings → Providers: keys and addresses per provider, stored encrypted; the environment wins. */
export function ProvidersSection({ providers }: { providers: ProviderSettingsView[] }) {
  return (
    <SettingsSection
      id="providers-title"
      title="Providers"
      intro={
        <>
          API keys and addresses for each video provider, stored encrypted. A saved key is never shown again, only its last four
          characters. A setting in the server&apos;s environment wins and is shown as set by the server. Changes apply at once, to jobs
          already running too.
        </>
      }
    >
      <div className="flex flex-col gap-3">
        {providers.map((p) => (
          <ProviderSettingsCard key={p.id} initial={p} />
        ))}
      </div>
    </SettingsSection>
  );
}
