/**
 * Building and posting Replicate-style (Standard Webhooks) deliveries, including the broken
 * ones a receiver must refuse: stale timestamp, bad signature, tampered body, replayed id.
 * Test code: the fake uses it, and integration tests call it directly.
 */
import { randomBytes } from "node:crypto";
import { signedHeaders } from "../../lib/webhooks/standard-webhooks";

export interface WebhookVariant {
  /** Reuse an id to test dedupe; defaults to a fresh `msg_…`. */
  webhookId?: string;
  /** Signing time; e.g. `Date.now() - 10 * 60_000` for a stale delivery. */
  timestampMs?: number;
  /** Sign with a random key instead of the secret. */
  badSignature?: boolean;
  /** Sign the body, then send a changed one. */
  tamperBody?: boolean;
}

export interface WebhookMessage {
  webhookId: string;
  body: string;
  headers: Record<string, string>;
}

export function buildReplicateWebhook(secret: string, payload: string | object, variant: WebhookVariant = {}): WebhookMessage {
  const body = typeof payload === "string" ? payload : JSON.stringify(payload);
  const webhookId = variant.webhookId ?? `msg_${randomBytes(12).toString("hex")}`;
  const key = variant.badSignature ? `whsec_${randomBytes(24).toString("base64")}` : secret;
  const headers = {
    "content-type": "application/json",
    "user-agent": "Replicate-Webhooks/fake",
    ...signedHeaders(key, webhookId, body, variant.timestampMs ?? Date.now()),
  };
  const sent = variant.tamperBody ? tamper(body) : body;
  return { webhookId, body: sent, headers };
}

/** Changes meaning, not just whitespace, so a lenient parser cannot mask the change. */
function tamper(body: string): string {
  const flipped = body.includes('"status":"succeeded"')
    ? body.replace('"status":"succeeded"', '"status":"failed"')
    : body.replace(/"status":"[a-z]+"/, '"status":"succeeded"');
  return flipped === body ? `${body} ` : flipped;
}

/** POSTs a message; answers the receiver's HTTP status, or null when it could not be reached. */
export async function postWebhook(url: string, message: WebhookMessage, timeoutMs = 5000): Promise<number | null> {
  try {
    const res = await fetch(url, {
      method: "POST",
      headers: message.headers,
      body: message.body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    await res.body?.cancel().catch(() => undefined);
    return res.status;
  } catch {
    return null;
  }
}
