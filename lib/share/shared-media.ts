import "server-only";
import { db } from "../db/client";
import type { Job } from "../db/schema";
import { resolveShare } from "./share-links";

/** Shared media must never be indexed, and must be re-checked on every use so a revoked link stops at once. */
export const SHARED_MEDIA_HEADERS = { "x-robots-tag": "noindex, nofollow" } as const;
export const SHARED_MEDIA_CACHE = "private, no-cache";

export type SharedJob = Job & { videoKey: string; posterKey: string };

/** The job behind a live token, from a route's params; null answers the same 404 whatever the reason. */
export async function sharedJob(params: Promise<{ token: string }>): Promise<SharedJob | null> {
  const shared = resolveShare(db(), (await params).token);
  return shared ? (shared.job as SharedJob) : null;
}
