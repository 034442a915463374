/**
 * Per-job tokens for unsigned callbacks (ModelsLab, Luma, MiniMax, Kling): the callback URL
 * carries HMAC(APP_SECRET, provider, job id), checked in constant time. A token only proves
 * the URL was ours; the adapter still confirms a terminal state with the provider.
 */
import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "../../env";
import { WebhookVerificationError } from "./errors";

export function callbackToken(providerId: string, jobId: string): string {
  return createHmac("sha256", env().APP_SECRET).update(`callback\n${providerId}\n${jobId}`).digest("base64url");
}

/** The job id the URL names, when its token is right; throws WebhookVerificationError otherwise. */
export function verifyCallbackToken(url: URL, providerId: string): string {
  const jobId = url.searchParams.get("job");
  const token = url.searchParams.get("token");
  if (!jobId || !token) throw new WebhookVerificationError("The callback URL has no job token.");
  const want = Buffer.from(callbackToken(providerId, jobId));
  const got = Buffer.from(token);
  if (got.length !== want.length || !timingSafeEqual(got, want)) throw new WebhookVerificationError("The callback token is wrong.");
  return jobId;
}
