import "server-only";
import type { Db } from "../db/client";
import { env, internalUrl } from "../env";
import { callbackToken } from "../providers/kit/callback-token";
import type { VideoProvider } from "../providers/types";
import type { Cadence } from "./schedule";

export interface WorkerContext {
  db: Db;
  owner: string;
  leaseMs: number;
  cadence: Cadence;
  now(): number;
}

/** The URL a provider should call when a job ends, or null when it cannot reach us and we poll. */
export function webhookUrlFor(provider: VideoProvider, jobId: string): string | null {
  if (provider.callbacks === "none") return null;
  const base = provider.callbacks === "internal" ? internalUrl() : env().PUBLIC_URL;
  if (!base) return null;
  // The token lets unsigned schemes prove the URL is ours; signed ones ignore it.
  const query = new URLSearchParams({ job: jobId, token: callbackToken(provider.id, jobId) });
  return `${base}/api/webhooks/${provider.id}?${query}`;
}
