import type { JobJson } from "./serialize";

/** One place in the feed: a lone job, or the takes of one generation side by side. */
export type FeedEntry = { kind: "job"; job: JobJson } | { kind: "generation"; id: string; jobs: JobJson[] };

/**
 * Groups the loaded jobs by generation, at the place of the generation's newest job, takes in the
 * order they were asked for. A generation with one job loaded (or one take) stays a plain card. Pure.
 */
export function groupTakes(items: readonly JobJson[]): FeedEntry[] {
  const byGeneration = new Map<string, JobJson[]>();
  for (const job of items) {
    if (!job.generationId) continue;
    const list = byGeneration.get(job.generationId);
    if (list) list.push(job);
    else byGeneration.set(job.generationId, [job]);
  }
  const out: FeedEntry[] = [];
  const placed = new Set<string>();
  for (const job of items) {
    const takes = job.generationId ? byGeneration.get(job.generationId)! : undefined;
    if (!takes || takes.length < 2) {
      out.push({ kind: "job", job });
      continue;
    }
    if (placed.has(job.generationId!)) continue;
    placed.add(job.generationId!);
    const ordered = [...takes].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
    out.push({ kind: "generation", id: job.generationId!, jobs: ordered });
  }
  return out;
}

/** The jobs in the order the feed shows them (a generation's takes in a row), for ←/→ in the viewer. */
export function feedOrder(entries: readonly FeedEntry[]): JobJson[] {
  return entries.flatMap((e) => (e.kind === "job" ? [e.job] : e.jobs));
}
