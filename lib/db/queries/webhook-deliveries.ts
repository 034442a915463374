/**
 * Outgoing webhook deliveries: found from jobs that ended (enqueue), claimed with a lease by one
 * worker (no network call inside a transaction: the claim commits, the POST runs, the result is
 * one guarded UPDATE), and kept as the delivery log.
 */
import { and, desc, eq, gte, inArray, isNull, lt, lte, notExists, or, sql } from "drizzle-orm";
import type { Db } from "../client";
import type { Job, JobStatus, WebhookDelivery, WebhookDeliveryStatus } from "../schema";

/** Jobs may commit their end a little out of order across processes: look back this far behind the watermark. */
export const ENQUEUE_LOOKBACK_MS = 5 * 60 * 1000;

/**
 * Ended jobs an endpoint wants to hear about and has no delivery for yet: ended after the
 * endpoint was made, in one of its events, and not long before its watermark. Oldest first.
 */
export async function endedJobsWithoutDelivery(
  db: Db,
  terminal: readonly JobStatus[],
  limit: number,
): Promise<{ endpointId: string; job: Job }[]> {
  const { webhookEndpoints: e, jobs: j, webhookDeliveries: d } = db.t;
  const ended = sql`COALESCE(${j.completedAt}, ${j.updatedAt})`;
  return db.orm
    .select({ endpointId: e.id, job: j })
    .from(e)
    .innerJoin(
      j,
      and(
        eq(j.userId, e.userId),
        inArray(j.status, [...terminal]),
        // updatedAt >= completedAt, so this bound lets the (user_id, updated_at) index find the rows
        sql`${j.updatedAt} > ${e.scannedUntil} - ${ENQUEUE_LOOKBACK_MS}`,
        sql`${ended} >= ${e.createdAt}`,
        sql`(',' || ${e.events} || ',') LIKE ('%,' || ${j.status} || ',%')`,
      ),
    )
    .where(
      notExists(
        db.orm
          .select({ one: sql`1` })
          .from(d)
          .where(and(eq(d.endpointId, e.id), eq(d.jobId, j.id))),
      ),
    )
    .orderBy(ended)
    .limit(limit);
}

/** Adds deliveries; one that exists already (same endpoint, job and event) is left as it is. */
export async function insertDeliveries(db: Db, rows: WebhookDelivery[]): Promise<void> {
  if (!rows.length) return;
  await db.orm.insert(db.t.webhookDeliveries).values(rows).onConflictDoNothing();
}

/** Claims up to `limit` due deliveries for one worker in one UPDATE; an expired lease is anyone's. */
export async function claimDueDeliveries(db: Db, owner: string, leaseMs: number, limit: number, now: number): Promise<WebhookDelivery[]> {
  const { webhookDeliveries: d } = db.t;
  const due = db.orm
    .select({ id: d.id })
    .from(d)
    .where(and(eq(d.status, "pending"), lte(d.nextAttemptAt, now), or(isNull(d.leaseUntil), lt(d.leaseUntil, now))))
    .orderBy(d.nextAttemptAt)
    .limit(limit);
  return db.orm
    .update(d)
    .set({ leaseOwner: owner, leaseUntil: now + leaseMs })
    .where(inArray(d.id, db.dialect.skipLocked(due)))
    .returning();
}

export interface AttemptResult {
  status: WebhookDeliveryStatus;
  at: number;
  statusCode: number | null;
  error: string | null;
  nextAttemptAt: number;
}

/** Records one try and lets go of the lease; nothing happens if another worker has taken the delivery over. */
export async function recordAttempt(db: Db, id: string, owner: string, r: AttemptResult): Promise<boolean> {
  const { webhookDeliveries: d } = db.t;
  const rows = await db.orm
    .update(d)
    .set({
      status: r.status,
      attempts: sql`${d.attempts} + 1`,
      lastAttemptAt: r.at,
      lastStatusCode: r.statusCode,
      lastError: r.error,
      nextAttemptAt: r.nextAttemptAt,
      ...(r.status === "delivered" ? { deliveredAt: r.at } : {}),
      leaseOwner: null,
      leaseUntil: null,
    })
    .where(and(eq(d.id, id), eq(d.leaseOwner, owner)))
    .returning({ id: d.id });
  return rows.length > 0;
}

/** "Send again": due now, with a fresh retry window; refused while a worker is sending it. */
export async function requeueDelivery(db: Db, userId: string, id: string, now: number, windowMs: number): Promise<"queued" | "busy" | "missing"> {
  const { webhookDeliveries: d } = db.t;
  const rows = await db.orm
    .update(d)
    .set({ status: "pending", nextAttemptAt: now, expiresAt: now + windowMs, leaseOwner: null, leaseUntil: null })
    .where(and(eq(d.id, id), eq(d.userId, userId), or(isNull(d.leaseUntil), lt(d.leaseUntil, now))))
    .returning({ id: d.id });
  if (rows.length) return "queued";
  const [exists] = await db.orm
    .select({ id: d.id })
    .from(d)
    .where(and(eq(d.id, id), eq(d.userId, userId)))
    .limit(1);
  return exists ? "busy" : "missing";
}

export async function getDelivery(db: Db, userId: string, id: string): Promise<WebhookDelivery | undefined> {
  const { webhookDeliveries: d } = db.t;
  const [row] = await db.orm
    .select()
    .from(d)
    .where(and(eq(d.id, id), eq(d.userId, userId)))
    .limit(1);
  return row;
}

/** A user's most recent deliveries, newest first; optionally of one endpoint. */
export async function listDeliveries(db: Db, userId: string, opts: { endpointId?: string; limit: number }): Promise<WebhookDelivery[]> {
  const { webhookDeliveries: d } = db.t;
  return db.orm
    .select()
    .from(d)
    .where(and(eq(d.userId, userId), opts.endpointId ? eq(d.endpointId, opts.endpointId) : undefined))
    .orderBy(desc(d.createdAt), desc(d.id))
    .limit(opts.limit);
}

/** Forgets finished deliveries older than `olderThan` (pending ones stay until they end). */
export async function pruneDeliveries(db: Db, olderThan: number): Promise<void> {
  const { webhookDeliveries: d } = db.t;
  await db.orm.delete(d).where(and(lt(d.createdAt, olderThan), inArray(d.status, ["delivered", "failed"])));
}

/** Deliveries by status, for /api/metrics. */
export async function deliveryCountsByStatus(db: Db, since: number): Promise<{ status: WebhookDeliveryStatus; n: number }[]> {
  const { webhookDeliveries: d } = db.t;
  return db.orm
    .select({ status: d.status, n: sql<number>`count(*)`.mapWith(Number) })
    .from(d)
    .where(gte(d.createdAt, since))
    .groupBy(d.status);
}
