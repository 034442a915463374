import type { AccountRow } from "@/lib/db/queries/accounts";
import { PersonActions } from "./person-actions";
import { SettingsSection } from "./settings-section";

const when = new Intl.DateTimeFormat("en", { dateStyle: "medium" });

/** The owner's view of everyone with an account: reset a password, disable or enable. */
export function PeopleSection({ people, ownerId }: { people: AccountRow[]; ownerId: string }) {
  return (
    <SettingsSection
      id="people-title"
      title="People"
      intro="Everyone with an account here. A reset gives you a one-time link to pass on; a disabled person cannot sign in and their API tokens stop working."
    >
      <ul aria-label="People" className="divide-y divide-neutral-800 rounded-lg border border-neutral-800">
        {people.map((p) => (
          <li key={p.id} data-testid="person" className="flex flex-wrap items-center gap-x-4 gap-y-2 px-3 py-2.5">
            <div className="min-w-0 flex-1">
              <p className="truncate text-sm font-medium text-neutral-100">
                {p.name} <span className="font-normal text-neutral-400">{p.email}</span>
              </p>
              <p className="text-xs text-neutral-400">
                {p.id === ownerId ? "Owner" : p.disabled ? <span className="text-red-300">Disabled</span> : "Member"} · {p.jobs} {p.jobs === 1 ? "job" : "jobs"} · joined{" "}
                <time dateTime={p.createdAt.toISOString()}>{when.format(p.createdAt)}</time>
              </p>
            </div>
            <PersonActions id={p.id} email={p.email} isOwner={p.id === ownerId} disabled={p.disabled} />
          </li>
        ))}
      </ul>
    </SettingsSection>
  );
}
