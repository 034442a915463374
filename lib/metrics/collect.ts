import "server-only";
import type { Db } from "../db/client";
import { latestHeartbeat } from "../db/queries/heartbeats";
import { jobCountsByStatusAndProvider, oldestQueuedByProvider, storedVideoBytes } from "../db/queries/metrics";
import { deliveryCountsByStatus } from "../db/queries/webhook-deliveries";
import { metrics, renderGauge } from "./registry";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The whole /api/metrics page: what this process counted (provider calls, webhook verifications)
 * plus gauges read from the database now (jobs by state, queue age, bytes stored, worker heartbeat),
 * which hold across processes and restarts.
 */
export async function renderMetrics(db: Db, now = Date.now()): Promise<string> {
  const [counts, oldest, stored, beat, deliveries] = await Promise.all([
    jobCountsByStatusAndProvider(db),
    oldestQueuedByProvider(db),
    storedVideoBytes(db),
    latestHeartbeat(db),
    deliveryCountsByStatus(db, now - DAY_MS),
  ]);
  const parts = [
    renderGauge(
      "dailies_jobs",
      "Jobs by state and provider.",
      counts.map((c) => ({ labels: { state: c.status, provider: c.provider }, value: c.n })),
    ),
    renderGauge(
      "dailies_queue_age_seconds",
      "Age of the oldest job waiting to be submitted, by provider (absent: nothing queued).",
      oldest.map((o) => ({ labels: { provider: o.provider }, value: Math.max(0, (now - o.createdAt) / 1000) })),
    ),
    renderGauge("dailies_stored_video_bytes", "Bytes of finished videos in storage.", [{ value: stored.bytes }]),
    renderGauge("dailies_stored_videos", "Finished videos in storage.", [{ value: stored.videos }]),
    renderGauge(
      "dailies_worker_heartbeat_age_seconds",
      "Seconds since any worker last ticked (absent: none ever has).",
      beat ? [{ value: Math.max(0, (now - beat.beatAt) / 1000) }] : [],
    ),
    renderGauge(
      "dailies_outgoing_webhook_deliveries",
      "Outgoing webhook deliveries of the last 24 hours, by status (pending, delivered, failed).",
      deliveries.map((d) => ({ labels: { status: d.status }, value: d.n })),
    ),
    metrics().render(),
  ];
  return parts.join("");
}
