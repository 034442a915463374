import type { SpendGroup } from "@/lib/db/queries/ledger";
import { formatUsd } from "@/lib/jobs/format-job";

/** Spend per day as plain bars (no chart library): each bar's height is its share of the biggest day. */
export function SpendChart({ days }: { days: readonly SpendGroup[] }) {
  if (days.length === 0) return <p className="text-sm text-neutral-400">Nothing spent yet this month.</p>;
  const top = Math.max(...days.map((d) => d.usd), 0.001);
  return (
    <figure aria-label="Spend per day" className="flex h-40 items-end gap-1 rounded-lg border border-neutral-800 bg-neutral-900/60 p-3">
      {days.map((d) => (
        <div key={d.key} className="flex h-full flex-1 flex-col items-center justify-end gap-1" title={`${d.key}: ${formatUsd(d.usd)}`}>
          <div className="w-full rounded-t bg-violet-500/80" style={{ height: `${Math.max(2, (Math.max(0, d.usd) / top) * 100)}%` }} />
          <span className="text-[10px] text-neutral-500">{d.key.slice(8)}</span>
        </div>
      ))}
    </figure>
  );
}
