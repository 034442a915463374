import { formatCost, formatSeconds } from "@/lib/jobs/format-job";
import type { ModelOption } from "@/lib/providers/catalog";

/** What this video should cost and how long it should take, before it is made. */
export function Estimate({ model, durationSeconds, resolution, audio }: { model: ModelOption; durationSeconds: number; resolution: string; audio?: boolean }) {
  const valid = Number.isFinite(durationSeconds) && durationSeconds > 0;
  return (
    <dl aria-label="Estimate" className="grid grid-cols-2 gap-3 rounded-lg border border-neutral-800 bg-neutral-900/60 px-3 py-2 text-sm">
      <div>
        <dt className="text-xs text-neutral-400">Estimated cost</dt>
        <dd className="font-medium text-neutral-100">{valid ? formatCost(model, { durationSeconds, resolution, audio }) : "—"}</dd>
      </div>
      <div>
        <dt className="text-xs text-neutral-400">Estimated wait</dt>
        <dd className="font-medium text-neutral-100">about {formatSeconds(model.typicalLatencySeconds)}</dd>
      </div>
    </dl>
  );
}
