import "server-only";
import { randomBytes } from "node:crypto";
import type { Db } from "../../db/client";
import { deleteWebhookEndpoint, insertWebhookEndpoint, listWebhookEndpoints } from "../../db/queries/webhook-endpoints";
import { listDeliveries, requeueDelivery } from "../../db/queries/webhook-deliveries";
import { env } from "../../env";
import { fail, ok, type Result } from "../../errors";
import { fieldErrors } from "../../jobs/schemas";
import { openSetting, sealSetting } from "../../provider-settings/crypto";
import { destinationProblem, type Resolve } from "./destination";
import { eventsColumn, OUTGOING_EVENTS } from "./events";
import { RETRY_WINDOW_MS } from "./schedule";
import { deliveryJson, endpointInputSchema, endpointJson, MAX_ENDPOINTS_PER_USER, type createdEndpointSchema } from "./schemas";
import type { z } from "zod";

/** Sealed like provider keys (AES-256-GCM under APP_SECRET), bound to the endpoint's id so it opens on no other row. */
const slotOf = (endpointId: string) => ({ provider: "webhook-endpoint", name: endpointId });

/** Adds an endpoint for `userId` and returns it with its signing secret, which is never shown again. */
export async function createEndpoint(db: Db, userId: string, input: unknown, resolve?: Resolve): Promise<Result<z.infer<typeof createdEndpointSchema>>> {
  const parsed = endpointInputSchema.safeParse(input);
  if (!parsed.success) {
    const fields = fieldErrors(parsed.error);
    return fail("validation", Object.values(fields)[0] ?? "Check the webhook's fields.", fields);
  }
  const { url, events = [...OUTGOING_EVENTS], description } = parsed.data;
  const target = new URL(url);
  const problem = await destinationProblem(target, env().OUTGOING_WEBHOOKS_ALLOW_PRIVATE, resolve);
  if (problem) return fail("validation", problem, { url: problem });

  const secret = `whsec_${randomBytes(24).toString("base64")}`;
  const now = Date.now();
  const id = `we_${randomBytes(12).toString("base64url")}`;
  const row = {
    id,
    userId,
    url: target.toString(),
    description: description || null,
    events: eventsColumn(events),
    secretSealed: sealSetting(env().APP_SECRET, slotOf(id), secret),
    createdAt: now,
    scannedUntil: now,
  };
  if (!(await insertWebhookEndpoint(db, row, MAX_ENDPOINTS_PER_USER)))
    return fail("conflict", `You already have ${MAX_ENDPOINTS_PER_USER} webhook endpoints. Delete one you no longer use first.`);
  return ok({ ...endpointJson(row), secret });
}

/** The endpoint's signing secret, or null when it was sealed under another APP_SECRET. */
export function endpointSecret(endpoint: { id: string; secretSealed: string }): string | null {
  try {
    return openSetting(env().APP_SECRET, slotOf(endpoint.id), endpoint.secretSealed);
  } catch {
    return null;
  }
}

export async function listEndpoints(db: Db, userId: string) {
  return (await listWebhookEndpoints(db, userId)).map(endpointJson);
}

export function deleteEndpoint(db: Db, userId: string, id: string): Promise<boolean> {
  return deleteWebhookEndpoint(db, userId, id);
}

export async function recentDeliveries(db: Db, userId: string, opts: { endpointId?: string; limit?: number } = {}) {
  return (await listDeliveries(db, userId, { endpointId: opts.endpointId, limit: opts.limit ?? 20 })).map(deliveryJson);
}

/** "Send again": the delivery is due now, with a new 24-hour retry window. */
export async function sendAgain(db: Db, userId: string, id: string, now = Date.now()): Promise<Result<null>> {
  const outcome = await requeueDelivery(db, userId, id, now, RETRY_WINDOW_MS);
  if (outcome === "missing") return fail("not_found", "No such delivery.");
  if (outcome === "busy") return fail("conflict", "This delivery is being sent right now. Wait for the result, then try again.");
  return ok(null);
}
