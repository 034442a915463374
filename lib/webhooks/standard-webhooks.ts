/**
 * Standard Webhooks (https://www.standardwebhooks.com): HMAC-SHA256 over
 * `${id}.${timestamp}.${body}`, `v1,<base64>` signatures, a ±300 s window.
 * Used by Replicate and by our own local provider.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { WebhookVerificationError } from "../providers/kit/errors";

export const TOLERANCE_SECONDS = 300;

/** Accepts `whsec_<base64>` or raw base64 secrets. */
export function secretKey(secret: string): Buffer {
  return Buffer.from(secret.startsWith("whsec_") ? secret.slice(6) : secret, "base64");
}

export function sign(secret: string, id: string, timestamp: number, body: Buffer | string): string {
  const mac = createHmac("sha256", secretKey(secret));
  mac.update(`${id}.${timestamp}.`);
  mac.update(body);
  return `v1,${mac.digest("base64")}`;
}

export function signedHeaders(secret: string, id: string, body: Buffer | string, now = Date.now()): Record<string, string> {
  const ts = Math.floor(now / 1000);
  return { "webhook-id": id, "webhook-timestamp": String(ts), "webhook-signature": sign(secret, id, ts, body) };
}

/** Returns the webhook id on success; throws WebhookVerificationError otherwise. */
export function verify(secret: string, rawBody: Buffer, headers: Headers, now = Date.now()): string {
  const id = headers.get("webhook-id");
  const tsHeader = headers.get("webhook-timestamp");
  const sigHeader = headers.get("webhook-signature");
  if (!id || !tsHeader || !sigHeader) throw new WebhookVerificationError("Missing webhook signature headers.");
  const ts = Number(tsHeader);
  if (!Number.isInteger(ts)) throw new WebhookVerificationError("Bad webhook timestamp.");
  if (Math.abs(now / 1000 - ts) > TOLERANCE_SECONDS) throw new WebhookVerificationError("Webhook timestamp outside the allowed window.");
  const expected = Buffer.from(sign(secret, id, ts, rawBody).slice(3), "base64");
  for (const entry of sigHeader.split(" ")) {
    const [version, b64] = entry.split(",", 2);
    if (version !== "v1" || !b64) continue;
    const given = Buffer.from(b64, "base64");
    if (given.length === expected.length && timingSafeEqual(given, expected)) return id;
  }
  throw new WebhookVerificationError("Webhook signature does not match.");
}
