import { formatSeconds, formatUsd } from "@/lib/jobs/format-job";
import { ordinal } from "@/lib/jobs/queue-view";
import type { ModelOption } from "@/lib/providers/catalog";
import { compareEstimateUsd, estimateUsd } from "./estimate-usd";

/**
 * One line next to Generate: what this take should cost, how long it should take, and where it
 * would stand in your queue ("≈ $0.18 · ~1 min · 2nd in line").
 */
export function Estimate(props: {
  model: ModelOption;
  durationSeconds: number;
  resolution?: string;
  queued: number;
  takes?: number;
  /** Compare across models: one take of each of these, priced together; the slowest sets the wait. */
  compared?: ModelOption[];
}) {
  const { model, durationSeconds, resolution, queued, takes = 1, compared = [] } = props;
  let usd: number | null;
  let count = takes;
  let wait = model.typicalLatencySeconds;
  if (compared.length > 0) {
    usd = compareEstimateUsd(compared, { durationSeconds, resolution: resolution ?? model.defaults.resolution });
    count = compared.length;
    wait = Math.max(...compared.map((m) => m.typicalLatencySeconds));
  } else {
    const one = estimateUsd(model, { durationSeconds, resolution });
    usd = one === null ? null : one * takes;
  }
  const cost =
    (usd === 0 ? "Free" : usd === null ? "price not published" : `≈ ${formatUsd(usd)}`) +
    (compared.length > 0 ? ` for ${count} models` : count > 1 ? ` for ${count} takes` : "");
  const parts = [cost, `~${formatSeconds(wait)}`];
  if (queued > 0) parts.push(`${ordinal(queued + 1)} in line`);
  return (
    <p data-testid="estimate" className="min-w-0 text-sm text-neutral-300">
      <span className="sr-only">Estimate: </span>
      {parts.join(" · ")}
    </p>
  );
}
