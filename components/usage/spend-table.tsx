import { formatUsd } from "@/lib/jobs/format-job";

/** One breakdown of this month's spend (by model, provider or person). */
export function SpendTable({ title, rows }: { title: string; rows: ReadonlyArray<{ key: string; label?: string; usd: number }> }) {
  const id = `${title.toLowerCase().replace(/\s+/g, "-")}-title`;
  return (
    <section aria-labelledby={id} className="flex flex-col gap-2">
      <h2 id={id} className="text-sm font-semibold text-neutral-200">
        {title}
      </h2>
      {rows.length === 0 ? (
        <p className="text-sm text-neutral-400">Nothing yet.</p>
      ) : (
        <table className="w-full text-sm">
          <tbody>
            {rows.map((r) => (
              <tr key={r.key} className="border-b border-neutral-800">
                <td className="py-1.5 text-neutral-200">{r.label ?? r.key}</td>
                <td className="py-1.5 text-right tabular-nums text-neutral-100">{formatUsd(r.usd)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
