import "server-only";
import { createHmac, randomBytes } from "node:crypto";
import { z } from "zod";
import { env, internalUrl } from "../../env";
import { fetchWithTimeout } from "../../http/fetch-with-timeout";
import { signedHeaders, verify } from "../../webhooks/standard-webhooks";
import { ERROR_CODES, type WebhookEvent } from "../types";
import { RENDER_STATUSES, toProviderUpdate } from "./render-state";

/**
 * The local renderer reports to our own webhook route exactly like a remote provider would:
 * Standard Webhooks signatures, with a secret derived from APP_SECRET so every process of
 * this instance (web server, `npm run worker`) agrees on it without more configuration.
 */
export function localWebhookSecret(): string {
  return `whsec_${createHmac("sha256", env().APP_SECRET).update("dailies-local-webhook").digest("base64")}`;
}

export function defaultLocalWebhookUrl(): string {
  return `${internalUrl()}/api/webhooks/local`;
}

export const localWebhookBodySchema = z.object({
  renderId: z.string().min(1),
  status: z.enum(RENDER_STATUSES),
  progress: z.number().min(0).max(1),
  etaSeconds: z.number().nonnegative().nullable(),
  message: z.string().nullable(),
  errorCode: z.enum(ERROR_CODES).nullish(),
});
export type LocalWebhookBody = z.infer<typeof localWebhookBodySchema>;

const DELIVERY_TIMEOUT_MS = 3000;

/**
 * POSTs one signed event. A failure (server not up, 5xx) is only logged: the worker's poll
 * reads state.json and covers any lost delivery. Resolves true when answered 2xx.
 */
export async function sendLocalWebhook(url: string, body: LocalWebhookBody): Promise<boolean> {
  const payload = JSON.stringify(body);
  const id = `msg_${randomBytes(12).toString("base64url")}`;
  try {
    const res = await fetchWithTimeout("the local webhook route", url, {
      method: "POST",
      headers: { "content-type": "application/json", ...signedHeaders(localWebhookSecret(), id, payload) },
      body: payload,
      timeoutMs: DELIVERY_TIMEOUT_MS,
    });
    await res.body?.cancel();
    if (!res.ok) console.debug(`[local] webhook ${body.status} for ${body.renderId} answered ${res.status}`);
    return res.ok;
  } catch (err) {
    console.debug(`[local] webhook ${body.status} for ${body.renderId} not delivered: ${err instanceof Error ? err.message : String(err)}`);
    return false;
  }
}

/** Checks signature and timestamp window, then the body's shape. */
export function verifyLocalWebhook(rawBody: Buffer, headers: Headers): WebhookEvent {
  const eventId = verify(localWebhookSecret(), rawBody, headers);
  const body = localWebhookBodySchema.parse(JSON.parse(rawBody.toString("utf8")));
  return { eventId, providerJobId: body.renderId, update: toProviderUpdate(body, body) };
}
