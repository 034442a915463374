import type { AccountRow } from "@/lib/db/queries/accounts";
import { PersonActions } from "./person-actions";
import { SettingsList, SettingsListRow, SettingsTime } from "./settings-list";
import { SettingsSection } from "./settings-section";

/** The owner's view of everyone with an account: reset a password, disable or enable. */
export function PeopleSection({ people, ownerId }: { people: AccountRow[]; ownerId: string }) {
  return (
    <SettingsSection
      id="people-title"
      title="People"
      intro="Everyone with an account here. A reset gives you a one-time link to pass on; a disabled person cannot sign in and their API tokens stop working."
    >
      <SettingsList label="People">
        {people.map((p) => (
          <SettingsListRow key={p.id} testId="person" className="gap-y-2 py-2.5">
            <div className="min-w-0 flex-1">
              <p className="truncate text-sm font-medium text-neutral-100">
                {p.name} <span className="font-normal text-neutral-400">{p.email}</span>
              </p>
              <p className="text-xs text-neutral-400">
                {p.id === ownerId ? "Owner" : p.disabled ? <span className="text-red-300">Disabled</span> : "Member"} · {p.jobs} {p.jobs === 1 ? "job" : "jobs"} · joined{" "}
                <SettingsTime at={p.createdAt} dateOnly />
              </p>
            </div>
            <PersonActions id={p.id} email={p.email} isOwner={p.id === ownerId} disabled={p.disabled} />
          </SettingsListRow>
        ))}
      </SettingsList>
    </SettingsSection>
  );
}
