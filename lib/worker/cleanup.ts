import "server-only";
import fsp from "node:fs/promises";
import path from "node:path";
import type { Db } from "../db/client";
import { findByProviderJob, getJob } from "../db/queries/jobs";
import { pruneIdempotencyKeys } from "../db/queries/idempotency-keys";
import { pruneDeliveries } from "../db/queries/webhook-deliveries";
import { pruneLocalRenders } from "../db/queries/local-renders";
import { pruneWebhookEvents } from "../db/queries/webhook-events";
import { IDEMPOTENCY_WINDOW_MS } from "../jobs/idempotency";
import { isActive } from "../jobs/states";
import { scratchDir } from "../media/scratch";
import { PROVIDERS } from "../providers/registry";
import type { VideoProvider } from "../providers/types";

const TEMP_MAX_AGE_MS = 6 * 60 * 60 * 1000;
const WEBHOOK_EVENTS_MAX_AGE_MS = 3 * 24 * 60 * 60 * 1000;
/** The delivery log keeps finished outgoing webhooks this long. */
const DELIVERY_LOG_MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * Removes scratch files no running copy can still own (a crash skips withScratch's own cleanup;
 * the disk store's half-written parts live here too), provider-side leftovers no job needs (the
 * local renderer's records, videos and folders of failed, canceled and deleted jobs), and forgets
 * old webhook ids, idempotency keys, delivery log entries and ended local renders.
 */
export async function cleanup(db: Db, now = Date.now()): Promise<void> {
  const tmp = scratchDir();
  const names = await fsp.readdir(tmp).catch(() => [] as string[]);
  for (const name of names) {
    const file = path.join(tmp, name);
    const st = await fsp.stat(file).catch(() => null);
    if (st && now - st.mtimeMs > TEMP_MAX_AGE_MS) await fsp.rm(file, { force: true, recursive: true });
  }
  for (const provider of PROVIDERS) {
    await provider.sweep?.((ref) => whereIs(db, provider, ref)).catch((err: unknown) => console.warn(`[worker] sweeping ${provider.id} leftovers failed`, err));
  }
  await pruneWebhookEvents(db, WEBHOOK_EVENTS_MAX_AGE_MS, now);
  await pruneIdempotencyKeys(db, now - IDEMPOTENCY_WINDOW_MS);
  await pruneDeliveries(db, now - DELIVERY_LOG_MAX_AGE_MS);
  await pruneLocalRenders(db, WEBHOOK_EVENTS_MAX_AGE_MS, now);
}

/** Where the job behind a provider-side leftover stands. */
async function whereIs(db: Db, provider: VideoProvider, ref: { providerJobId: string; jobId: string | null }): Promise<"active" | "finished" | "unknown"> {
  const job = (await findByProviderJob(db, provider.id, ref.providerJobId)) ?? (ref.jobId ? await getJob(db, ref.jobId) : undefined);
  // Jobs are written before they are submitted: a job id that names nothing is a deleted job.
  if (!job) return ref.jobId ? "finished" : "unknown";
  // The job went on with another provider job (this one was a stray).
  if (job.providerJobId && job.providerJobId !== ref.providerJobId) return "finished";
  return isActive(job.status) ? "active" : "finished";
}
