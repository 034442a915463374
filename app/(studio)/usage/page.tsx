import type { Metadata } from "next";
import { SpendChart } from "@/components/usage/spend-chart";
import { SpendTable } from "@/components/usage/spend-table";
import { requirePageViewer } from "@/lib/auth/require-page-viewer";
import { db } from "@/lib/db/client";
import { formatUsd } from "@/lib/jobs/format-job";
import { usageFor } from "@/lib/jobs/usage";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Usage" };

function against(spent: number, cap: number | null): string {
  return cap === null ? `${formatUsd(spent)} (no cap)` : `${formatUsd(spent)} of ${formatUsd(cap)}`;
}

/** This month's spend against the caps, per day, by model, provider and (for the owner) person, with the ledger as CSV. */
export default async function UsagePage() {
  const viewer = await requirePageViewer("/usage");
  const usage = await usageFor(await db(), viewer.userId);
  return (
    <main className="mx-auto flex max-w-3xl flex-col gap-6 px-4 py-6 sm:py-8">
      <div className="flex items-baseline justify-between gap-3">
        <h1 className="text-xl font-semibold text-neutral-50">Usage in {usage.month.name}</h1>
        <a href="/api/usage?format=csv" className="text-sm text-violet-300 hover:underline focus-visible:outline-2 focus-visible:outline-violet-400">
          Download the ledger (CSV)
        </a>
      </div>
      <dl className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <div className="rounded-lg border border-neutral-800 bg-neutral-900/60 px-3 py-2">
          <dt className="text-xs text-neutral-400">Your spend this month</dt>
          <dd className="text-lg font-medium text-neutral-50" data-testid="your-spend">
            {against(usage.you.spentUsd, usage.you.capUsd)}
          </dd>
        </div>
        {usage.studio && (
          <div className="rounded-lg border border-neutral-800 bg-neutral-900/60 px-3 py-2">
            <dt className="text-xs text-neutral-400">The studio&apos;s spend this month</dt>
            <dd className="text-lg font-medium text-neutral-50" data-testid="studio-spend">
              {against(usage.studio.spentUsd, usage.studio.capUsd)}
            </dd>
          </div>
        )}
      </dl>
      <p className="text-xs text-neutral-400">Videos still being made count at their estimate until they finish; then at what they cost.</p>
      <SpendChart days={usage.byDay} />
      <SpendTable title="By model" rows={usage.byModel} />
      <SpendTable title="By provider" rows={usage.byProvider} />
      {usage.byPerson && <SpendTable title="By person" rows={usage.byPerson} />}
    </main>
  );
}
