import { SettingsSection } from "./settings-section";

/** Who is signed in, and whether they own this studio. */
export function AccountSection({ name, email, isOwner }: { name: string | null; email: string | null; isOwner: boolean }) {
  return (
    <SettingsSection id="account-title" title="Account">
      <dl className="grid grid-cols-[6rem_1fr] gap-x-4 gap-y-2 text-sm">
        <dt className="text-neutral-400">Name</dt>
        <dd className="break-words text-neutral-100">{name ?? "—"}</dd>
        <dt className="text-neutral-400">Email</dt>
        <dd className="break-all text-neutral-100">{email ?? "—"}</dd>
        <dt className="text-neutral-400">Role</dt>
        <dd className="text-neutral-100">{isOwner ? "Owner of this studio" : "Member"}</dd>
      </dl>
    </SettingsSection>
  );
}
