/**
 * Skytells webhooks: `X-Skytells-Signature` is the lowercase hex HMAC-SHA256 of the raw body,
 * keyed by the dashboard webhook secret or, without one, the API key. The body is a bare
 * prediction or an envelope `{type, data}`. No timestamp is signed [U], so a replay cannot be
 * told from a retry: the event id (prediction id + status) lets the route drop duplicates.
 */
import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { WebhookVerificationError } from "../kit/errors";
import { isRecord } from "../kit/json";
import type { WebhookEvent } from "../types";
import { isPrediction, statusOf, statusOfEvent, toUpdate } from "./prediction";

export const SIGNATURE_HEADER = "x-skytells-signature";

export function skytellsSignature(rawBody: Buffer | string, key: string): string {
  return createHmac("sha256", key).update(rawBody).digest("hex");
}

export function checkSignature(rawBody: Buffer, headers: Headers, key: string | undefined): void {
  if (!key) throw new WebhookVerificationError("Skytells webhooks cannot be checked: set SKYTELLS_WEBHOOK_SECRET or SKYTELLS_API_KEY.");
  const given = headers.get(SIGNATURE_HEADER)?.trim().toLowerCase();
  if (!given) throw new WebhookVerificationError("The Skytells webhook has no X-Skytells-Signature header.");
  const want = Buffer.from(skytellsSignature(rawBody, key), "utf8");
  const got = Buffer.from(given, "utf8");
  if (got.length !== want.length || !timingSafeEqual(got, want)) throw new WebhookVerificationError("The Skytells webhook signature is wrong.");
}

/** Reads a verified body: envelope or bare prediction, any event spelling. */
export function parseWebhook(rawBody: Buffer): WebhookEvent {
  let body: unknown;
  try {
    body = JSON.parse(rawBody.toString("utf8"));
  } catch {
    throw new WebhookVerificationError("The Skytells webhook body is not JSON.");
  }
  const enveloped = isRecord(body) && isRecord(body.data) && !isPrediction(body);
  const prediction = enveloped ? (body as { data: unknown }).data : body;
  if (!isPrediction(prediction)) throw new WebhookVerificationError("The Skytells webhook does not carry a prediction.");
  const fromEvent = enveloped ? statusOfEvent((body as { type?: unknown }).type) : null;
  const hasOwnStatus = typeof prediction.status === "string" && prediction.status.length > 0;
  const status = hasOwnStatus || !fromEvent ? statusOf(prediction) : fromEvent;
  // One id per prediction and state: `canceled` and `cancelled` deliveries are the same event.
  return { eventId: `${prediction.id}:${status}`, providerJobId: prediction.id, update: toUpdate(prediction, status) };
}
