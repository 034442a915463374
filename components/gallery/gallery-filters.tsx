"use client";
import { useEffect, useState } from "react";
import { Field, Input, Select } from "@/components/ui/field";
import type { JobFilters } from "@/lib/jobs/list-filters";
import type { FeedModel } from "./job-feed";

const SEARCH_DEBOUNCE_MS = 250;

/**
 * Status, model, favorites, prompt search and the order. The URL is the state: each change navigates, so a
 * filtered gallery can be shared and the back button undoes a filter. Search waits for a pause in typing.
 */
export function GalleryFilters({
  filters,
  models,
  onChange,
}: {
  filters: JobFilters;
  models: Pick<FeedModel, "id" | "label">[];
  onChange: (next: JobFilters, opts?: { replace?: boolean }) => void;
}) {
  const [text, setText] = useState(filters.q ?? "");
  // The q this box last sent, and the q last seen in the URL: a URL change we did not send (back
  // button, "Clear filters") replaces the text; our own echo must not eat what was typed since.
  const [sent, setSent] = useState(filters.q);
  const [seen, setSeen] = useState(filters.q);
  if (filters.q !== seen) {
    setSeen(filters.q);
    if (filters.q !== sent) setText(filters.q ?? "");
  }

  const typed = text.trim() || undefined;
  useEffect(() => {
    if (typed === filters.q) return;
    const t = setTimeout(() => {
      setSent(typed);
      onChange({ ...filters, q: typed }, { replace: true });
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [typed, filters, onChange]);

  const change = (patch: Partial<JobFilters>) => {
    setSent(typed);
    onChange({ ...filters, q: typed, ...patch });
  };
  const knownModel = !filters.model || models.some((m) => m.id === filters.model);

  return (
    <div role="search" aria-label="Filter videos" className="grid grid-cols-2 items-end gap-3 sm:grid-cols-[minmax(12rem,1fr)_auto_auto_auto_auto]">
      <Field id="filter-q" label="Search prompts" className="col-span-2 sm:col-span-1">
        <Input id="filter-q" type="search" value={text} placeholder="lighthouse, dolly in…" onChange={(e) => setText(e.target.value)} />
      </Field>
      <Field id="filter-status" label="Status">
        <Select
          id="filter-status"
          value={filters.status ?? ""}
          onChange={(e) => change({ status: (e.target.value || undefined) as JobFilters["status"] })}
        >
          <option value="">All</option>
          <option value="active">In progress</option>
          <option value="succeeded">Succeeded</option>
          <option value="failed">Failed</option>
          <option value="canceled">Canceled</option>
        </Select>
      </Field>
      <Field id="filter-model" label="Model">
        <Select id="filter-model" value={filters.model ?? ""} onChange={(e) => change({ model: e.target.value || undefined })} className="sm:max-w-56">
          <option value="">All</option>
          {models.map((m) => (
            <option key={m.id} value={m.id}>
              {m.label}
            </option>
          ))}
          {!knownModel && <option value={filters.model}>{filters.model}</option>}
        </Select>
      </Field>
      <Field id="filter-sort" label="Sort">
        <Select id="filter-sort" value={filters.sort ?? "newest"} onChange={(e) => change({ sort: e.target.value === "oldest" ? "oldest" : undefined })}>
          <option value="newest">Newest first</option>
          <option value="oldest">Oldest first</option>
        </Select>
      </Field>
      <label className="col-span-2 flex h-11 items-center gap-2 text-sm text-neutral-200 sm:col-span-1">
        <input
          type="checkbox"
          checked={Boolean(filters.favorite)}
          onChange={(e) => change({ favorite: e.target.checked || undefined })}
          className="size-4 accent-violet-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-violet-400"
        />
        Favorites only
      </label>
    </div>
  );
}
