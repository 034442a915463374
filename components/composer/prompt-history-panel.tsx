"use client";
import { useQuery } from "@tanstack/react-query";
import { useDeferredValue, useEffect, useRef, useState } from "react";
import type { JobJson } from "@/lib/jobs/serialize";
import { fetchJson } from "../gallery/fetch-json";
import { controlClass } from "../ui/field";

/** Distinct prompts shown at most. */
const SHOWN = 20;
async function recentPrompts(q: string, signal: AbortSignal): Promise<string[]> {
  const params = new URLSearchParams({ limit: "60" });
  if (q) params.set("q", q);
  const page = await fetchJson<{ items: JobJson[] }>(`/api/jobs?${params}`, { signal }, "Could not load your recent prompts. Try again in a moment.");
  const seen = new Set<string>();
  const out: string[] = [];
  for (const j of page.items) {
    const p = j.prompt.trim();
    if (!p || seen.has(p)) continue;
    seen.add(p);
    out.push(p);
    if (out.length === SHOWN) break;
  }
  return out;
}

/** The open list of recent prompts: a search box and the prompts it matches. Loaded on first open (prompt-history). */
export function PromptHistoryPanel({ id: panelId, onPick, onClose }: { id: string; onPick: (prompt: string) => void; onClose: () => void }) {
  const [search, setSearch] = useState("");
  const q = useDeferredValue(search.trim());
  const searchRef = useRef<HTMLInputElement>(null);
  const prompts = useQuery({
    // Not under ["jobs"]: the live updates need not keep this list current.
    queryKey: ["prompt-history", q],
    queryFn: ({ signal }) => recentPrompts(q, signal),
    staleTime: 30_000,
  });
  useEffect(() => {
    searchRef.current?.focus();
  }, []);

  return (
    <div
      id={panelId}
      role="region"
      aria-label="Recent prompts"
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.preventDefault();
          onClose();
        }
      }}
      className="rounded-lg border border-neutral-800 bg-neutral-900 p-3"
    >
      <label htmlFor={`${panelId}-search`} className="text-xs font-medium text-neutral-200">
        Search your prompts
      </label>
      <input
        id={`${panelId}-search`}
        ref={searchRef}
        type="search"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        className={`${controlClass} mt-1`}
        placeholder="fox, dolly in, 35mm…"
      />
      {prompts.isError && (
        <p role="alert" className="mt-2 text-xs text-red-400">
          {prompts.error.message}
        </p>
      )}
      {prompts.data?.length === 0 && <p className="mt-2 text-xs text-neutral-400">{q ? "No prompt of yours matches." : "No prompts yet."}</p>}
      <ul className="mt-2 flex max-h-64 flex-col gap-1 overflow-y-auto" aria-busy={prompts.isFetching}>
        {prompts.data?.map((p) => (
          <li key={p}>
            <button
              type="button"
              onClick={() => onPick(p)}
              className="line-clamp-2 min-h-11 w-full rounded-md px-2 py-1.5 text-left text-sm text-neutral-200 hover:bg-neutral-800 focus-visible:outline-2 focus-visible:outline-violet-400"
            >
              {p}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
