/** The JSON of /api/webhooks/*: input checks and answer shapes, also what the OpenAPI document shows. */
import { z } from "zod";
import type { WebhookDelivery, WebhookEndpoint } from "../../db/schema";
import { eventsOfColumn, OUTGOING_EVENTS } from "./events";

export const MAX_ENDPOINTS_PER_USER = 10;

export const endpointInputSchema = z
  .object({
    url: z
      .string({ error: "Give the URL that should receive the webhooks." })
      .trim()
      .min(1, "Give the URL that should receive the webhooks.")
      .max(2000, "The URL is too long (at most 2000 characters).")
      .refine((v) => URL.canParse(v), "That is not a URL: it should look like https://example.com/hooks/dailies."),
    events: z
      .array(z.enum(OUTGOING_EVENTS, { error: `Events are ${OUTGOING_EVENTS.join(", ")}.` }), { error: `events is a list of ${OUTGOING_EVENTS.join(", ")}.` })
      .min(1, "Pick at least one event.")
      .optional()
      .describe("Which events to send; all three when left out."),
    description: z.string({ error: "The description must be text." }).trim().max(100, "Keep the description to 100 characters.").optional(),
  })
  .strict();

export type EndpointInput = z.infer<typeof endpointInputSchema>;

/** The query of GET /api/webhooks/deliveries. */
export const deliveriesQuerySchema = z.object({
  endpoint: z.string().max(64).optional(),
  limit: z.coerce
    .number({ error: "limit must be a number from 1 to 100." })
    .int("limit must be a number from 1 to 100.")
    .min(1, "limit must be a number from 1 to 100.")
    .max(100, "limit must be a number from 1 to 100.")
    .default(20),
});

export const endpointSchema = z.object({
  id: z.string(),
  url: z.string(),
  description: z.string().nullable(),
  events: z.array(z.enum(OUTGOING_EVENTS)),
  createdAt: z.string().describe("ISO 8601"),
});

export const createdEndpointSchema = endpointSchema.extend({
  secret: z.string().describe("The whsec_ signing secret, shown this once: verify deliveries with it (Standard Webhooks)."),
});

export const deliverySchema = z.object({
  id: z.string().describe("Also the webhook-id header: the same on every try"),
  endpointId: z.string(),
  jobId: z.string(),
  event: z.enum(OUTGOING_EVENTS),
  status: z.enum(["pending", "delivered", "failed"]),
  attempts: z.number().int(),
  lastAttemptAt: z.string().nullable(),
  lastStatusCode: z.number().int().nullable(),
  lastError: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  nextAttemptAt: z.string().nullable().describe("When it will be tried again, while pending"),
  createdAt: z.string(),
});

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function endpointJson(e: WebhookEndpoint): z.infer<typeof endpointSchema> {
  return { id: e.id, url: e.url, description: e.description, events: eventsOfColumn(e.events), createdAt: new Date(e.createdAt).toISOString() };
}

export function deliveryJson(d: WebhookDelivery): z.infer<typeof deliverySchema> {
  return {
    id: d.id,
    endpointId: d.endpointId,
    jobId: d.jobId,
    event: d.event as (typeof OUTGOING_EVENTS)[number],
    status: d.status,
    attempts: d.attempts,
    lastAttemptAt: iso(d.lastAttemptAt),
    lastStatusCode: d.lastStatusCode,
    lastError: d.lastError,
    deliveredAt: iso(d.deliveredAt),
    nextAttemptAt: d.status === "pending" ? iso(d.nextAttemptAt) : null,
    createdAt: new Date(d.createdAt).toISOString(),
  };
}
