import { formatCost, formatSeconds } from "@/lib/jobs/format-job";
import type { ModelOption } from "@/lib/providers/catalog";

/** What this video should cost and how long it should take, before it is made. */
/** `takes`: how many jobs one Generate makes; the cost counts them all. */
export function Estimate({ model, durationSeconds, takes = 1 }: { model: ModelOption; durationSeconds: number; takes?: number }) {
  const valid = Number.isFinite(durationSeconds) && durationSeconds > 0;
  return (
    <dl aria-label="Estimate" className="grid grid-cols-2 gap-3 rounded-lg border border-neutral-800 bg-neutral-900/60 px-3 py-2 text-sm">
      <div>
        <dt className="text-xs text-neutral-400">Estimated cost</dt>
        <dd className="font-medium text-neutral-100">{valid ? formatCost(model.pricePerSecondUsd, durationSeconds * takes, model.engine) : "—"}
          {valid && takes > 1 && <span className="text-xs font-normal text-neutral-400"> for {takes} takes</span>}</dd>
      </div>
      <div>
        <dt className="text-xs text-neutral-400">Estimated wait</dt>
        <dd className="font-medium text-neutral-100">about {formatSeconds(model.typicalLatencySeconds)}</dd>
      </div>
    </dl>
  );
}
