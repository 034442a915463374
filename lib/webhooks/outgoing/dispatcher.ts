import "server-only";
import { randomBytes } from "node:crypto";
import type { Db } from "../../db/client";
import { claimDueDeliveries, endedJobsWithoutDelivery, insertDeliveries, recordAttempt } from "../../db/queries/webhook-deliveries";
import { advanceScannedUntil, getWebhookEndpoint } from "../../db/queries/webhook-endpoints";
import type { WebhookDelivery } from "../../db/schema";
import { TERMINAL_STATUSES } from "../../jobs/states";
import { logger } from "../../log/logger";
import { metrics } from "../../metrics/registry";
import { eventOfStatus } from "./events";
import { buildPayload } from "./payload";
import { RETRY_WINDOW_MS } from "./schedule";
import { attemptDelivery, DELIVERY_TIMEOUT_MS } from "./send";

const ENQUEUE_BATCH = 200;
const SEND_BATCH = 8;
const LEASE_MS = DELIVERY_TIMEOUT_MS * 4;
const log = logger("webhooks");

/**
 * Turns jobs that ended into deliveries, for every endpoint that wants them. The jobs table is
 * the outbox: an ended job is found here whichever path ended it, even after a crash, and the
 * unique (endpoint, job, event) index makes finding it twice harmless.
 */
export async function enqueueDeliveries(db: Db, now = Date.now()): Promise<number> {
  const found = await endedJobsWithoutDelivery(db, TERMINAL_STATUSES, ENQUEUE_BATCH);
  const rows: WebhookDelivery[] = [];
  const watermark = new Map<string, number>();
  for (const { endpointId, job } of found) {
    const event = eventOfStatus(job.status);
    if (!event || !job.userId) continue;
    rows.push({
      id: `msg_${randomBytes(16).toString("base64url")}`,
      endpointId,
      userId: job.userId,
      jobId: job.id,
      event,
      payload: JSON.stringify(buildPayload(event, job)),
      status: "pending",
      attempts: 0,
      nextAttemptAt: now,
      expiresAt: now + RETRY_WINDOW_MS,
      lastAttemptAt: null,
      lastStatusCode: null,
      lastError: null,
      deliveredAt: null,
      createdAt: now,
      leaseOwner: null,
      leaseUntil: null,
    });
    const ended = job.completedAt ?? job.updatedAt;
    watermark.set(endpointId, Math.max(watermark.get(endpointId) ?? 0, ended));
  }
  await insertDeliveries(db, rows);
  for (const [endpointId, until] of watermark) await advanceScannedUntil(db, endpointId, until);
  return rows.length;
}

/** Claims due deliveries and tries each once; the claim, each POST and each result are separate steps. */
export async function sendDueDeliveries(db: Db, owner: string, now = Date.now()): Promise<number> {
  const claimed = await claimDueDeliveries(db, owner, LEASE_MS, SEND_BATCH, now);
  await Promise.all(
    claimed.map(async (delivery) => {
      const endpoint = await getWebhookEndpoint(db, delivery.endpointId);
      if (!endpoint) return; // deleted meanwhile: its deliveries went with it
      const result = await attemptDelivery(delivery, endpoint);
      metrics().counter("dailies_outgoing_webhook_attempts_total", "Outgoing webhook tries, by result (delivered, retry, failed).").inc({
        result: result.status === "pending" ? "retry" : result.status,
      });
      if (result.status !== "delivered") log.warn("delivery failed", { deliveryId: delivery.id, endpointId: endpoint.id, attempts: delivery.attempts + 1, error: result.error, final: result.status === "failed" });
      await recordAttempt(db, delivery.id, owner, result);
    }),
  );
  return claimed.length;
}

/** One round for the worker: new deliveries first, then whatever is due. */
export async function dispatchWebhooks(db: Db, owner: string): Promise<void> {
  await enqueueDeliveries(db);
  await sendDueDeliveries(db, owner);
}
