/** Webhooks both ways: provider deliveries already handled, and people's own endpoints with their delivery log. Twin: ../pg/webhooks.ts (see ../index.ts before changing either). */
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { sqliteEpochSecondsMs } from "../../dialect/epoch";
import { WEBHOOK_DELIVERY_STATUSES } from "../statuses";
import { user } from "./auth";

/** Webhook deliveries already handled, so a retried delivery is a no-op. */
export const webhookEvents = sqliteTable(
  "webhook_events",
  {
    provider: text("provider").notNull(),
    eventId: text("event_id").notNull(),
    receivedAt: integer("received_at").notNull().default(sqliteEpochSecondsMs),
  },
  (t) => [primaryKey({ columns: [t.provider, t.eventId] })],
);

/** Where a person wants to hear about their jobs ending (Settings → Webhooks, /api/webhooks/endpoints). */
export const webhookEndpoints = sqliteTable(
  "webhook_endpoints",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    url: text("url").notNull(),
    description: text("description"),
    /** Job statuses to report, comma-separated: "succeeded,failed,canceled". */
    events: text("events").notNull(),
    /** The `whsec_` signing secret, sealed with APP_SECRET (lib/provider-settings/crypto.ts, bound to the endpoint id). */
    secretSealed: text("secret_sealed").notNull(),
    createdAt: integer("created_at").notNull(),
    /** Jobs that ended before this have been turned into deliveries (the dispatcher's watermark). */
    scannedUntil: integer("scanned_until").notNull(),
  },
  (t) => [index("webhook_endpoints_user_idx").on(t.userId)],
);

/** One event for one endpoint: its payload, its retries and how the last try went (the delivery log). */
export const webhookDeliveries = sqliteTable(
  "webhook_deliveries",
  {
    /** Also the `webhook-id` header: the same on every retry, so receivers can deduplicate. */
    id: text("id").primaryKey(),
    endpointId: text("endpoint_id")
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: "cascade" }),
    userId: text("user_id").notNull(),
    /** Not a foreign key: the log outlives a deleted job. */
    jobId: text("job_id").notNull(),
    event: text("event").notNull(),
    payload: text("payload").notNull(),
    status: text("status", { enum: WEBHOOK_DELIVERY_STATUSES }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: integer("next_attempt_at").notNull(),
    /** Retries stop here (24 h after the event, or after "Send again"). */
    expiresAt: integer("expires_at").notNull(),
    lastAttemptAt: integer("last_attempt_at"),
    lastStatusCode: integer("last_status_code"),
    lastError: text("last_error"),
    deliveredAt: integer("delivered_at"),
    createdAt: integer("created_at").notNull(),
    leaseOwner: text("lease_owner"),
    leaseUntil: integer("lease_until"),
  },
  (t) => [
    uniqueIndex("webhook_deliveries_event_idx").on(t.endpointId, t.jobId, t.event),
    index("webhook_deliveries_due_idx").on(t.status, t.nextAttemptAt),
    index("webhook_deliveries_user_created_idx").on(t.userId, t.createdAt),
  ],
);
