/** A webhook delivery as the route hands it to an adapter, for calling verifyWebhook directly in tests. */
import type { WebhookRequest } from "../../lib/providers/types";

export function webhookRequest(rawBody: Buffer, headers: Headers | Record<string, string>, url = "http://127.0.0.1/api/webhooks/test"): WebhookRequest {
  return { rawBody, headers: headers instanceof Headers ? headers : new Headers(headers), url: new URL(url) };
}
