import "server-only";
import type { Db } from "../db/client";
import { latestHeartbeat } from "../db/queries/heartbeats";
import { jobCountsByStatusAndProvider, oldestQueuedByProvider, storedVideoBytes } from "../db/queries/metrics";
import { metrics, renderGauge } from "./registry";

/**
 * The whole /api/metrics page: what this process counted (provider calls, webhook verifications)
 * plus gauges read from the database now (jobs by state, queue age, bytes stored, worker heartbeat),
 * which hold across processes and restarts.
 */
export async function renderMetrics(db: Db, now = Date.now()): Promise<string> {
  const [counts, oldest, stored, beat] = await Promise.all([jobCountsByStatusAndProvider(db), oldestQueuedByProvider(db), storedVideoBytes(db), latestHeartbeat(db)]);
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
    metrics().render(),
  ];
  return parts.join("");
}
