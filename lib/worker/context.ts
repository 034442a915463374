import "server-only";
import type { Db } from "../db/client";
import { env, internalUrl } from "../env";
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
  if (!provider.supportsWebhooks) return null;
  const base = provider.id === "local" ? internalUrl() : env().PUBLIC_URL;
  return base ? `${base}/api/webhooks/${provider.id}?job=${encodeURIComponent(jobId)}` : null;
}
