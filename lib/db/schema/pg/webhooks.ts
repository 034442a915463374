/** Webhooks both ways: provider deliveries already handled, and people's own endpoints with their delivery log. Twin: ../sqlite/webhooks.ts (see ../index.ts before changing either). */
import { index, integer, pgTable, primaryKey, text, uniqueIndex } from "drizzle-orm/pg-core";
import { pgEpochMs } from "../../dialect/epoch";
import { WEBHOOK_DELIVERY_STATUSES } from "../statuses";
import { ms } from "./columns";
import { user } from "./auth";

/** Webhook deliveries already handled, so a retried delivery is a no-op. */
export const webhookEvents = pgTable(
  "webhook_events",
  {
    provider: text("provider").notNull(),
    eventId: text("event_id").notNull(),
    receivedAt: ms("received_at").notNull().default(pgEpochMs),
  },
  (t) => [primaryKey({ columns: [t.provider, t.eventId] })],
);

export const webhookEndpoints = pgTable(
  "webhook_endpoints",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    url: text("url").notNull(),
    description: text("description"),
    events: text("events").notNull(),
    secretSealed: text("secret_sealed").notNull(),
    createdAt: ms("created_at").notNull(),
    scannedUntil: ms("scanned_until").notNull(),
  },
  (t) => [index("webhook_endpoints_user_idx").on(t.userId)],
);

export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: text("id").primaryKey(),
    endpointId: text("endpoint_id")
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: "cascade" }),
    userId: text("user_id").notNull(),
    jobId: text("job_id").notNull(),
    event: text("event").notNull(),
    payload: text("payload").notNull(),
    status: text("status", { enum: WEBHOOK_DELIVERY_STATUSES }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: ms("next_attempt_at").notNull(),
    expiresAt: ms("expires_at").notNull(),
    lastAttemptAt: ms("last_attempt_at"),
    lastStatusCode: integer("last_status_code"),
    lastError: text("last_error"),
    deliveredAt: ms("delivered_at"),
    createdAt: ms("created_at").notNull(),
    leaseOwner: text("lease_owner"),
    leaseUntil: ms("lease_until"),
  },
  (t) => [
    uniqueIndex("webhook_deliveries_event_idx").on(t.endpointId, t.jobId, t.event),
    index("webhook_deliveries_due_idx").on(t.status, t.nextAttemptAt),
    index("webhook_deliveries_user_created_idx").on(t.userId, t.createdAt),
  ],
);
