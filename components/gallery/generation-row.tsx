"use client";
import { audioSetting } from "@/lib/models/price";
import { formatCost, formatSeconds, promptStart } from "@/lib/jobs/format-job";
import type { JobJson } from "@/lib/jobs/serialize";
import { JobCard } from "./job-card";
import type { FeedModel } from "./job-feed";
import { totalWaitSeconds } from "./total-wait";

/**
 * The takes of one generation side by side. In a compare each take is labelled by its model and
 * provider, with its price and the time it took, so the row reads as a comparison.
 */
export function GenerationRow({
  jobs,
  models,
  onOpen,
  eager,
  selected,
  onSelect,
}: {
  jobs: JobJson[];
  models: Map<string, FeedModel>;
  onOpen: (id: string, opener: HTMLElement) => void;
  eager: boolean;
  selected: ReadonlySet<string>;
  onSelect: (id: string, on: boolean) => void;
}) {
  const compare = new Set(jobs.map((j) => j.model)).size > 1;
  const first = jobs[0]!;
  const title = compare ? `Compare of ${jobs.length} models` : `${jobs.length} takes`;
  return (
    <div role="group" aria-label={`${title}: ${promptStart(first.prompt, 60)}`} data-testid="generation-row" data-generation-id={first.generationId ?? ""} className="flex flex-col gap-2 rounded-xl border border-neutral-800 p-2">
      <p className="px-1 text-xs text-neutral-400">
        {title} · {promptStart(first.prompt, 80)}
      </p>
      <ul className="grid grid-cols-[repeat(auto-fill,minmax(min(100%,14rem),1fr))] gap-3">
        {jobs.map((job) => {
          const model = models.get(job.model);
          const took = totalWaitSeconds(job);
          return (
            <li key={job.id} className="flex flex-col gap-1">
              {compare && (
                <p data-testid="take-label" className="px-1 text-xs text-neutral-300">
                  <span className="font-medium text-neutral-100">{job.modelLabel}</span> · {model?.providerLabel ?? job.provider} ·{" "}
                  {formatCost(model?.price && model.engine ? { engine: model.engine, price: model.price } : null, { durationSeconds: job.durationSeconds, resolution: job.resolution, audio: audioSetting(job.options) })}
                  {took !== null && job.status === "succeeded" ? ` · took ${formatSeconds(took)}` : ""}
                </p>
              )}
              <JobCard job={job} typicalLatencySeconds={model?.typicalLatencySeconds ?? null} eager={eager} onOpen={onOpen} selected={selected.has(job.id)} onSelect={onSelect} />
            </li>
          );
        })}
      </ul>
    </div>
  );
}
