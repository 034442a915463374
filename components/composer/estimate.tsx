import { formatSeconds, formatUsd } from "@/lib/jobs/format-job";
import { ordinal } from "@/lib/jobs/queue-view";
import type { ModelOption } from "@/lib/providers/catalog";
import { estimateUsd } from "./estimate-usd";

/**
 * One line next to Generate: what this take should cost, how long it should take, and where it
 * would stand in your queue ("≈ $0.18 · ~1 min · 2nd in line").
 */
export function Estimate(props: { model: ModelOption; durationSeconds: number; queued: number; takes?: number }) {
  const { model, durationSeconds, queued, takes = 1 } = props;
  const one = estimateUsd(model, { durationSeconds });
  const usd = one === null ? null : one * takes;
  const cost = (usd === 0 ? "Free" : usd === null ? "price not published" : `≈ ${formatUsd(usd)}`) + (takes > 1 ? ` for ${takes} takes` : "");
  const parts = [cost, `~${formatSeconds(model.typicalLatencySeconds)}`];
  if (queued > 0) parts.push(`${ordinal(queued + 1)} in line`);
  return (
    <p data-testid="estimate" className="min-w-0 text-sm text-neutral-300">
      <span className="sr-only">Estimate: </span>
      {parts.join(" · ")}
    </p>
  );
}
