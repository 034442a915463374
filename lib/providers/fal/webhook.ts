/**
 * fal webhooks: ED25519 over `requestId\nuserId\ntimestamp\nsha256hex(body)`, keys from
 * fal's JWKS, a ±300 s window. fal sends one completion per request and reuses the
 * request id on redelivery, so it doubles as the event id.
 */
import "server-only";
import { createHash } from "node:crypto";
import { verifyEd25519Any } from "../../webhooks/ed25519-jwks";
import type { ProviderUpdate, WebhookEvent } from "../types";
import { ProviderError, WebhookVerificationError } from "../kit/errors";
import { isRecord, str } from "../kit/json";
import { falSettings } from "./client";
import { SERVICE, webhookFailure } from "./errors";
import { mapStatus } from "../kit/status";
import { videoUrlOf } from "./result";

export const FAL_WEBHOOK_TOLERANCE_SECONDS = 300;

export async function verifyFalWebhook(rawBody: Buffer, headers: Headers, now = Date.now()): Promise<WebhookEvent> {
  const requestId = headers.get("x-fal-webhook-request-id");
  const userId = headers.get("x-fal-webhook-user-id");
  const timestamp = headers.get("x-fal-webhook-timestamp");
  const signature = headers.get("x-fal-webhook-signature");
  if (!requestId || !userId || !timestamp || !signature) {
    throw new WebhookVerificationError("Missing fal webhook signature headers.");
  }
  if (!/^\d{1,12}$/.test(timestamp)) throw new WebhookVerificationError("Bad fal webhook timestamp.");
  if (Math.abs(now / 1000 - Number(timestamp)) > FAL_WEBHOOK_TOLERANCE_SECONDS) {
    throw new WebhookVerificationError("fal webhook timestamp outside the allowed window.");
  }
  const bodyHash = createHash("sha256").update(rawBody).digest("hex");
  const message = Buffer.from(`${requestId}\n${userId}\n${timestamp}\n${bodyHash}`, "utf8");
  if (!(await verifyEd25519Any(message, signature.trim(), falSettings().FAL_JWKS_URL, { now }))) {
    throw new WebhookVerificationError("fal webhook signature does not match.");
  }

  let payload: unknown;
  try {
    payload = JSON.parse(rawBody.toString("utf8"));
  } catch (err) {
    // Signed by fal yet unreadable: nothing a redelivery would fix.
    throw new ProviderError("provider_error", "fal sent a webhook that is not JSON.", { retryable: false, cause: err });
  }
  if (isRecord(payload) && typeof payload.request_id === "string" && payload.request_id !== requestId) {
    throw new WebhookVerificationError("fal webhook body and headers name different requests.");
  }
  return { eventId: requestId, providerJobId: requestId, update: updateFromWebhook(payload) };
}

function updateFromWebhook(body: unknown): ProviderUpdate {
  const status = isRecord(body) ? body.status : undefined;
  if (status === "OK") {
    const outputUrl = isRecord(body) ? videoUrlOf(body.payload) : null;
    if (outputUrl) return { status: "succeeded", outputUrl, raw: body };
    if (isRecord(body) && body.payload_error) {
      // The output could not be put in the webhook; the poller will read it from the result URL.
      console.warn("fal webhook: OK without a payload; leaving the result to polling", body.payload_error);
      return { status: "running", raw: body };
    }
    return { status: "failed", errorCode: "provider_error", message: "fal finished without returning a video.", raw: body };
  }
  if (status === "ERROR" && isRecord(body)) {
    const failure = webhookFailure(str(body.error), body.payload);
    return { status: "failed", errorCode: failure.code, message: failure.message, raw: body };
  }
  return { status: mapStatus(SERVICE, status, {}), raw: body };
}
