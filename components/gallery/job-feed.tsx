"use client";
import dynamic from "next/dynamic";
import type { PriceRule } from "@/lib/models/price";
import { useInfiniteQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { Fragment, useCallback, useEffect, useLayoutEffect, useMemo, useOptimistic, useRef, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { filtersToSearch, hasFilters, type JobFilters } from "@/lib/jobs/list-filters";
import type { JobJson } from "@/lib/jobs/serialize";
import { fetchJobsPage } from "./fetch-jobs-page";
import type { ProjectJson } from "@/lib/actions/projects";
import { useViewerUrl } from "../viewer/use-viewer-url";
import { dayLabel, dayOf } from "./day-label";
import { GenerationRow } from "./generation-row";
import { handleGridKey } from "./grid-keys";
import { feedOrder, groupTakes } from "@/lib/jobs/group-takes";
import { JobCard } from "./job-card";
import { jobsKey, takeFirstPage, type JobsPage } from "./jobs-cache";
import { useLiveJobs } from "./use-live-jobs";
import { useHydrated } from "./use-now";

// Only on demand (a take opened, keys asked for, videos picked): kept out of the studio's first-load JS.
const TakeViewer = dynamic(() => import("../viewer/take-viewer").then((m) => m.TakeViewer), { ssr: false });
const BulkBar = dynamic(() => import("./bulk-bar").then((m) => m.BulkBar), { ssr: false });
const ShortcutSheet = dynamic(() => import("./shortcut-sheet").then((m) => m.ShortcutSheet), { ssr: false });
// The gallery's own controls: server-rendered there, never part of the studio's feed (its first-load JS).
const ProjectBar = dynamic(() => import("../projects/project-bar").then((m) => m.ProjectBar));
const GalleryFilters = dynamic(() => import("./gallery-filters").then((m) => m.GalleryFilters));
const FilterChips = dynamic(() => import("./filter-chips").then((m) => m.FilterChips));

/** What the feed needs to know of each model: its name for the filter, its usual wait for estimates. */
export interface FeedModel {
  id: string;
  label: string;
  typicalLatencySeconds: number;
  /** For labelling the takes of a compare. */
  providerLabel?: string;
  pricePerSecondUsd?: number | null;
  price?: PriceRule;
  engine?: "ai" | "preview";
}

/** Cards above the fold whose posters load at once (they are the largest paint). */
const EAGER_CARDS = 4;
const NO_FILTERS: JobFilters = {};

/**
 * The jobs as a grid, newest first, paged by cursor as the sentinel nears the viewport. The first
 * page arrives rendered from the server; later pages from the JSON API; changes from the live updates (use-live-jobs).
 */
export function JobFeed({
  initialPage,
  readAt,
  filters = NO_FILTERS,
  showFilters = false,
  models,
  projects,
}: {
  initialPage: JobsPage;
  /** When the server read `initialPage` (epoch ms): a newer read replaces the cached first page. */
  readAt?: number;
  filters?: JobFilters;
  showFilters?: boolean;
  models: FeedModel[];
  /** The viewer's projects: the gallery filters by them and the viewer moves videos between them. */
  projects?: ProjectJson[];
}) {
  useLiveJobs();
  const qc = useQueryClient();
  const router = useRouter();
  const pathname = usePathname();
  const [navigating, startNavigation] = useTransition();
  // The controls show the new choice at once; the list follows when the server's page for it arrives.
  const [shownFilters, setShownFilters] = useOptimistic(filters);
  const byId = useMemo(() => new Map(models.map((m) => [m.id, m])), [models]);
  const viewer = useViewerUrl();
  const hydrated = useHydrated();
  const [sheet, setSheet] = useState(false);
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());
  const select = useCallback((id: string, on: boolean) => {
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }, []);

  const query = useInfiniteQuery({
    queryKey: jobsKey(filters),
    queryFn: ({ pageParam, signal }) => fetchJobsPage(filters, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    initialData: { pages: [initialPage], pageParams: [null] },
    initialDataUpdatedAt: readAt,
    // Live updates and actions keep the lists current. A refetch would ask again for every page loaded
    // (dozens, deep in a big gallery) and drop the first page the server has just sent.
    staleTime: Infinity,
  });
  // Back in a list cached earlier: take the server's fresh first page instead (before paint).
  useLayoutEffect(() => {
    if (readAt !== undefined) takeFirstPage(qc, filters, initialPage, readAt);
  }, [qc, filters, initialPage, readAt]);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;

  const items = useMemo(() => {
    const seen = new Set<string>();
    const out: JobJson[] = [];
    for (const page of query.data.pages)
      for (const j of page.items) {
        if (seen.has(j.id)) continue;
        seen.add(j.id);
        out.push(j);
      }
    return out;
  }, [query.data]);
  const entries = useMemo(() => groupTakes(items), [items]);
  const ordered = useMemo(() => feedOrder(entries), [entries]);
  // Only what is still listed: a deleted or filtered-out video drops out of the selection.
  const picked = useMemo(() => ordered.filter((j) => selected.has(j.id)), [ordered, selected]);

  const navigate = useCallback(
    (next: JobFilters, opts?: { replace?: boolean }) => {
      const url = pathname + filtersToSearch(next);
      startNavigation(() => {
        setShownFilters(next);
        if (opts?.replace) router.replace(url, { scroll: false });
        else router.push(url, { scroll: false });
      });
    },
    [pathname, router, setShownFilters],
  );

  const sentinel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = sentinel.current;
    if (!el || !hasNextPage || typeof IntersectionObserver === "undefined") return;
    const io = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting) && !isFetchingNextPage) void fetchNextPage();
      },
      { rootMargin: "1200px 0px" },
    );
    io.observe(el);
    return () => io.disconnect();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  // `/` searches and `?` lists the shortcuts from anywhere on the page but a field.
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
      const t = e.target;
      if (t instanceof HTMLInputElement || t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement || (t instanceof HTMLElement && t.isContentEditable)) return;
      if (document.querySelector("dialog[open]")) return;
      if (e.key === "?") setSheet(true);
      else if (e.key === "/" && document.getElementById("filter-q")) document.getElementById("filter-q")!.focus();
      else return;
      e.preventDefault();
    }
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  const filtered = hasFilters(filters);
  return (
    <section aria-label="Videos" className="flex flex-col gap-5">
      {showFilters && projects && <ProjectBar projects={projects} filters={shownFilters} onChange={navigate} />}
      {showFilters && <GalleryFilters filters={shownFilters} models={models} onChange={navigate} />}
      {showFilters && <FilterChips filters={shownFilters} models={models} projects={projects} onChange={navigate} />}
      {items.length === 0 ? (
        <EmptyState filtered={filtered} inGallery={showFilters} onClear={() => navigate(NO_FILTERS)} />
      ) : (
        <ul
          aria-busy={navigating}
          onKeyDown={(e) => {
            if (handleGridKey(e.currentTarget, e)) e.preventDefault();
          }}
          className={cn(
            "grid grid-cols-[repeat(auto-fill,minmax(min(100%,17rem),1fr))] gap-4 transition-opacity",
            navigating && "opacity-60",
          )}
        >
          {entries.map((entry, i) => {
            const createdAt = entry.kind === "job" ? entry.job.createdAt : entry.jobs[0]!.createdAt;
            const prior = i > 0 ? entries[i - 1]! : null;
            const priorAt = prior ? (prior.kind === "job" ? prior.job.createdAt : prior.jobs[0]!.createdAt) : null;
            const header = priorAt === null || dayOf(priorAt, hydrated) !== dayOf(createdAt, hydrated);
            const key = entry.kind === "job" ? entry.job.id : entry.id;
            return (
              <Fragment key={key}>
                {header && (
                  <li className="col-span-full">
                    <h3 className="text-sm font-medium text-neutral-300">{dayLabel(createdAt, hydrated)}</h3>
                  </li>
                )}
                {entry.kind === "job" ? (
                  <li className="flex">
                    <JobCard job={entry.job} typicalLatencySeconds={byId.get(entry.job.model)?.typicalLatencySeconds ?? null} eager={i < EAGER_CARDS} onOpen={viewer.open} selected={selected.has(entry.job.id)} onSelect={select} />
                  </li>
                ) : (
                  <li className="col-span-full">
                    <GenerationRow jobs={entry.jobs} models={byId} onOpen={viewer.open} eager={i < EAGER_CARDS} selected={selected} onSelect={select} />
                  </li>
                )}
              </Fragment>
            );
          })}
        </ul>
      )}
      {sheet && <ShortcutSheet onClose={() => setSheet(false)} />}
      {picked.length > 0 && <BulkBar jobs={picked} projects={projects} onClear={() => setSelected(new Set())} />}
      {viewer.openId && <TakeViewer id={viewer.openId} jobs={ordered} projects={projects} onMove={viewer.move} onClose={viewer.close} />}
      <div ref={sentinel} className="flex min-h-10 flex-col items-center justify-center gap-2">
        {query.isFetchNextPageError && (
          <p role="alert" className="text-sm text-red-300">
            {query.error?.message ?? "Could not load more videos."}
          </p>
        )}
        {hasNextPage ? (
          <Button variant="secondary" size="sm" disabled={isFetchingNextPage} onClick={() => void fetchNextPage()}>
            {isFetchingNextPage ? "Loading…" : "Load more"}
          </Button>
        ) : (
          items.length > 0 && <p className="text-xs text-neutral-500">That is all of them.</p>
        )}
      </div>
    </section>
  );
}

function EmptyState({ filtered, inGallery, onClear }: { filtered: boolean; inGallery: boolean; onClear: () => void }) {
  if (filtered)
    return (
      <div className="rounded-xl border border-dashed border-neutral-800 p-8 text-center">
        <p className="text-sm text-neutral-300">No videos match these filters.</p>
        <Button variant="ghost" size="sm" className="mt-3" onClick={onClear}>
          Clear filters
        </Button>
      </div>
    );
  return (
    <div className="rounded-xl border border-dashed border-neutral-800 p-8 text-center text-sm text-neutral-300">
      {inGallery ? (
        <p>
          No videos yet.{" "}
          <Link href="/" className="text-violet-300 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-violet-400">
            Open the studio
          </Link>{" "}
          to make your first one.
        </p>
      ) : (
        <p>No videos yet. The ones you generate will appear here.</p>
      )}
    </div>
  );
}
