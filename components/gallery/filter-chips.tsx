"use client";
import type { ProjectJson } from "@/lib/actions/projects";
import { UNSORTED_ID, type JobFilters } from "@/lib/jobs/list-filters";

const STATUS: Record<NonNullable<JobFilters["status"]>, string> = { active: "In progress", succeeded: "Succeeded", failed: "Failed", canceled: "Canceled" };

/** What the gallery is filtered by, one chip each, so an active filter is never hidden; each chip removes its filter. */
export function FilterChips({
  filters,
  models,
  projects,
  onChange,
}: {
  filters: JobFilters;
  models: { id: string; label: string }[];
  projects?: ProjectJson[];
  onChange: (next: JobFilters) => void;
}) {
  const chips: { key: keyof JobFilters; text: string }[] = [];
  if (filters.project) chips.push({ key: "project", text: `Project: ${filters.project === UNSORTED_ID ? "Unsorted" : (projects?.find((p) => p.id === filters.project)?.name ?? "unknown")}` });
  if (filters.status) chips.push({ key: "status", text: `Status: ${STATUS[filters.status]}` });
  if (filters.model) chips.push({ key: "model", text: `Model: ${models.find((m) => m.id === filters.model)?.label ?? filters.model}` });
  if (filters.favorite) chips.push({ key: "favorite", text: "Favorites" });
  if (filters.q) chips.push({ key: "q", text: `Search: “${filters.q}”` });
  if (chips.length === 0) return null;
  return (
    <ul aria-label="Active filters" className="flex flex-wrap gap-2">
      {chips.map((chip) => (
        <li key={chip.key}>
          <button
            type="button"
            onClick={() => onChange({ ...filters, [chip.key]: undefined })}
            aria-label={`Remove filter ${chip.text}`}
            className="flex min-h-11 items-center gap-2 rounded-full border border-violet-400/60 bg-violet-500/10 px-3 text-sm text-violet-100 hover:bg-violet-500/20 focus-visible:outline-2 focus-visible:outline-violet-400"
          >
            {chip.text} <span aria-hidden>×</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
