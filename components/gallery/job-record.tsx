"use client";
import Link from "next/link";
import type { ReactNode } from "react";
import { formatBytes, formatCost, formatSeconds } from "@/lib/jobs/format-job";
import { audioSetting, type PriceRule } from "@/lib/models/price";
import { servedLine } from "@/lib/jobs/provider-report";
import type { JobJson } from "@/lib/jobs/serialize";
import { LocalTime } from "./local-time";
import { totalWaitSeconds } from "./total-wait";

/** What the job page knows about the model beyond the job row (from the catalog, on the server). */
export interface RecordModel {
  label: string;
  providerLabel: string;
  pricePerSecondUsd: number | null;
  price: PriceRule;
  priceReadOn: string;
  typicalLatencySeconds: number;
  engine: "ai" | "preview";
  /** The model's typed options, for their labels. */
  options?: ReadonlyArray<{ key: string; label: string }>;
}

function optionsText(values: Record<string, string | boolean>, model: RecordModel | null): string {
  const label = (key: string) => model?.options?.find((o) => o.key === key)?.label ?? key;
  return Object.entries(values)
    .map(([key, v]) => `${label(key)}: ${v === true ? "on" : v === false ? "off" : v}`)
    .join(" · ");
}

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[7.5rem_minmax(0,1fr)] gap-3 py-2">
      <dt className="text-neutral-400">{term}</dt>
      <dd className="break-words text-neutral-100">{children}</dd>
    </div>
  );
}

/** The full record of one job: what was asked, of whom, what came back, what it cost and how long it took. */
export function JobRecord({ job, model }: { job: JobJson; model: RecordModel | null }) {
  const v = job.video;
  const wait = totalWaitSeconds(job);
  // What the provider says served it: a gateway may route to another upstream, or answer from its cache.
  const served = servedLine(job.providerReport);
  return (
    <dl className="divide-y divide-neutral-800 text-sm">
      <Row term="Prompt">
        <span className="whitespace-pre-wrap">{job.prompt}</span>
      </Row>
      {job.negativePrompt && (
        <Row term="Negative prompt">
          <span className="whitespace-pre-wrap">{job.negativePrompt}</span>
        </Row>
      )}
      <Row term="Model">
        {model?.label ?? job.modelLabel}
        {/* The preview model's name already says where it runs. */}
        {model?.engine !== "preview" && <span className="text-neutral-400"> · {model?.providerLabel ?? job.provider}</span>}
      </Row>
      {job.routeStory && (
        <Row term="Route">
          <span data-testid="route-story">{job.routeStory}</span>
        </Row>
      )}
      {served && (
        <Row term="Served by">
          <span data-testid="served-by">{served}</span>
          {job.providerReport?.cacheHit && (
            <span className="block text-neutral-400">Served from {model?.providerLabel ?? job.provider}&apos;s cache</span>
          )}
        </Row>
      )}
      <Row term="Parameters">
        {job.aspectRatio} · {job.durationSeconds} s · {job.resolution} · {job.fps} fps · seed {job.seed ?? "random"}
      </Row>
      {job.options && Object.keys(job.options).length > 0 && <Row term="Options">{optionsText(job.options, model)}</Row>}
      {job.imageUrl && (
        <Row term="Input image">
          <a href={job.imageUrl} className="text-violet-300 hover:underline focus-visible:outline-2 focus-visible:outline-violet-400">
            Open the image
          </a>
        </Row>
      )}
      {v && (
        <Row term="File">
          {v.width && v.height ? `${v.width}×${v.height}` : "size unknown"}
          {v.durationSeconds ? ` · ${v.durationSeconds.toFixed(1)} s` : ""}
          {v.bytes ? ` · ${formatBytes(v.bytes)}` : ""}
          {v.codec ? ` · ${v.codec}` : ""}
        </Row>
      )}
      <Row term="Cost">
        {formatCost(model, { durationSeconds: job.durationSeconds, resolution: job.resolution, audio: audioSetting(job.options) })}
        {model && model.engine !== "preview" && model.price.kind !== "unknown" && (
          <span className="text-neutral-400"> · catalog price, read {model.priceReadOn}</span>
        )}
      </Row>
      <Row term="Created">
        <LocalTime iso={job.createdAt} />
      </Row>
      {job.submittedAt && (
        <Row term="Submitted">
          <LocalTime iso={job.submittedAt} />
        </Row>
      )}
      {job.completedAt && (
        <Row term="Completed">
          <LocalTime iso={job.completedAt} />
        </Row>
      )}
      {wait !== null && <Row term="Total wait">{formatSeconds(wait)}</Row>}
      {job.error && (
        <Row term="Error">
          <span className="text-red-300">{job.error.message}</span> <span className="text-neutral-500">({job.error.code})</span>
        </Row>
      )}
      {job.parentId && (
        <Row term="Made from">
          <Link href={`/jobs/${job.parentId}`} className="text-violet-300 hover:underline focus-visible:outline-2 focus-visible:outline-violet-400">
            an earlier video
          </Link>
        </Row>
      )}
    </dl>
  );
}
