import type { Metadata } from "next";
import { AccountSection } from "@/components/settings/account-section";
import { BudgetForm } from "@/components/settings/budget-form";
import { ApiTokensSection } from "@/components/settings/api-tokens-section";
import { ExportSection } from "@/components/settings/export-section";
import { NotifyToggle } from "@/components/settings/notify-toggle";
import { PeopleSection } from "@/components/settings/people-section";
import { ProvidersSection } from "@/components/settings/providers-section";
import { SettingsSection } from "@/components/settings/settings-section";
import { SignupToggle } from "@/components/settings/signup-toggle";
import { WebhooksSection } from "@/components/settings/webhooks-section";
import { listApiTokens } from "@/lib/auth/api-tokens";
import { isOwner, signupOpen } from "@/lib/auth/instance";
import { requirePageViewer } from "@/lib/auth/require-page-viewer";
import { db } from "@/lib/db/client";
import { listAccounts } from "@/lib/db/queries/accounts";
import { personCaps, perUserCap, readCaps } from "@/lib/jobs/budget";
import { publicOrigin } from "@/lib/http/public-origin";
import { readProviderSettings } from "@/lib/provider-settings/manage";
import { listEndpoints, recentDeliveries } from "@/lib/webhooks/outgoing/endpoints";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Settings" };

/** Account, API tokens, webhooks and, for the owner, who may sign up, the people and the providers' keys. */
export default async function SettingsPage() {
  const viewer = await requirePageViewer("/settings");
  const tokens = (await listApiTokens(await db(), viewer.userId)).map(({ id, name, prefix, createdAt, lastUsedAt }) => ({ id, name, prefix, createdAt, lastUsedAt }));
  const owner = await isOwner(await db(), viewer.userId);
  const signup = owner ? await signupOpen(await db()) : null;
  const providers = owner ? await readProviderSettings(await db(), viewer) : null;
  const people = owner ? await listAccounts(await db()) : null;
  const caps = owner ? await readCaps(await db(), viewer.userId) : null;
  // The per-person default, not the owner's own override.
  const budget = caps && { instance: caps.instanceUsd, perUser: await perUserCap(await db()) };
  const own = people && (await personCaps(await db(), people.map((p) => p.id)));
  const personBudgets = people?.map((p) => ({ id: p.id, name: p.name || p.email, capUsd: own?.get(p.id) ?? null }));
  return (
    <main id="main" tabIndex={-1} className="mx-auto flex max-w-3xl flex-col gap-5 px-4 py-6 sm:py-8">
      <h1 className="text-xl font-semibold text-neutral-50">Settings</h1>
      <AccountSection name={viewer.name} email={viewer.email} isOwner={owner} />
      {signup && (
        <SettingsSection id="signup-title" title="Sign-up" intro="Every account has its own private gallery. Only you, the owner, decide who may join.">
          <SignupToggle open={signup.open && !signup.firstAccount} byEnv={signup.byEnv} />
        </SettingsSection>
      )}
      {people && <PeopleSection people={people} ownerId={viewer.userId} />}
      {budget && (
        <SettingsSection id="budget-title" title="Budgets" intro="Monthly spending caps, in dollars, from each route's price. A video that would pass one is refused before anything is sent.">
          <BudgetForm caps={budget} people={personBudgets ?? []} />
        </SettingsSection>
      )}
      {providers?.ok && <ProvidersSection providers={providers.value} />}
      <SettingsSection id="notify-title" title="Notifications" intro="A system notification when a take finishes while you are in another tab. Set per browser.">
        <NotifyToggle />
      </SettingsSection>
      <ApiTokensSection tokens={tokens} origin={await publicOrigin()} />
      <WebhooksSection endpoints={await listEndpoints(await db(), viewer.userId)} deliveries={await recentDeliveries(await db(), viewer.userId, { limit: 15 })} />
      <ExportSection />
    </main>
  );
}
