import "server-only";
import type { WebhookDelivery, WebhookEndpoint } from "../../db/schema";
import type { AttemptResult } from "../../db/queries/webhook-deliveries";
import { env } from "../../env";
import { guardedFetch } from "../../http/guarded-fetch";
import { ProviderError } from "../../providers/kit/errors";
import { signedHeaders } from "../standard-webhooks";
import { endpointSecret } from "./endpoints";
import { afterFailure } from "./schedule";

export const DELIVERY_TIMEOUT_MS = 15_000;

/**
 * One try of one delivery: signed (Standard Webhooks, a fresh timestamp each try, the same
 * webhook-id), POSTed through the address guard, no redirects followed. 2xx is delivered;
 * anything else is retried on the schedule until the window closes.
 */
export async function attemptDelivery(delivery: WebhookDelivery, endpoint: WebhookEndpoint, now = Date.now()): Promise<AttemptResult> {
  const failed = (statusCode: number | null, error: string): AttemptResult => ({
    statusCode,
    error,
    at: now,
    ...afterFailure(delivery.attempts + 1, now, delivery.expiresAt),
  });
  const secret = endpointSecret(endpoint);
  if (!secret) return failed(null, "The endpoint's signing secret cannot be read (APP_SECRET has changed). Delete the endpoint and add it again.");

  let res: Response;
  try {
    res = await guardedFetch(endpoint.url, {
      service: "the webhook endpoint",
      method: "POST",
      headers: { "content-type": "application/json", "user-agent": "Dailies-Webhooks/1", ...signedHeaders(secret, delivery.id, delivery.payload, now) },
      body: delivery.payload,
      timeoutMs: DELIVERY_TIMEOUT_MS,
      allowPrivateNetworks: env().OUTGOING_WEBHOOKS_ALLOW_PRIVATE,
      maxRedirects: 0,
    });
  } catch (err) {
    return failed(null, sentenceFor(err));
  }
  await res.body?.cancel().catch(() => undefined);
  if (res.status >= 200 && res.status < 300) return { status: "delivered", statusCode: res.status, error: null, at: now, nextAttemptAt: now };
  return failed(res.status, `The endpoint answered HTTP ${res.status}.`);
}

function sentenceFor(err: unknown): string {
  const message = err instanceof ProviderError ? err.message : "Could not reach the webhook endpoint.";
  if (/redirected more than/.test(message)) return "The endpoint answered with a redirect, which webhooks do not follow: register the final URL.";
  return message.charAt(0).toUpperCase() + message.slice(1);
}
