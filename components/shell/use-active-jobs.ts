"use client";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import type { JobJson } from "@/lib/jobs/serialize";
import { fetchJobsPage } from "../gallery/fetch-jobs-page";
import { jobsKey } from "../gallery/jobs-cache";

const ACTIVE = { status: "active" } as const;

/**
 * The viewer's jobs in flight: the cached active-jobs list, fetched once, then kept current by the
 * live updates (use-live-jobs) and by actions, which write into every cached list.
 */
export function useActiveJobs(): JobJson[] {
  const active = useInfiniteQuery({
    queryKey: jobsKey(ACTIVE),
    queryFn: ({ pageParam, signal }) => fetchJobsPage(ACTIVE, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    // A refetch is only wanted after the stream says "reset" (which invalidates every list).
    staleTime: Infinity,
  });
  return useMemo(() => {
    const seen = new Set<string>();
    return (active.data?.pages ?? []).flatMap((p) => p.items).filter((j) => !seen.has(j.id) && Boolean(seen.add(j.id)));
  }, [active.data]);
}
