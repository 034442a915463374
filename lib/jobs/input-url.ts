/**
 * Signed, short-lived links to a job's stored input image, for providers that fetch the
 * image by URL (AI.ML, Visgate, Skytells, ModelsLab v7). The path carries the job id, an
 * expiry and HMAC(APP_SECRET, job, expiry): unguessable, good for one file, at most an hour.
 * The route also refuses once the job has left the provider, so a link dies with its job.
 */
import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "../env";

export const INPUT_URL_TTL_SECONDS = 3600;

function signature(jobId: string, expiry: number): string {
  return createHmac("sha256", env().APP_SECRET).update(`input-image\n${jobId}\n${expiry}`).digest("base64url");
}

/** The link for this job's input image, or null without PUBLIC_URL (the provider could not reach us). */
export function inputImageUrl(jobId: string, now = Date.now()): string | null {
  const base = env().PUBLIC_URL;
  if (!base) return null;
  const expiry = Math.floor(now / 1000) + INPUT_URL_TTL_SECONDS;
  return `${base}/api/inputs/${encodeURIComponent(jobId)}/${expiry}/${signature(jobId, expiry)}`;
}

/** Whether the path's parts are a link we made for this job that has not expired. */
export function isValidInputLink(jobId: string, expiry: string, sig: string, now = Date.now()): boolean {
  if (!/^\d{1,12}$/.test(expiry)) return false;
  const at = Number(expiry);
  const nowSeconds = Math.floor(now / 1000);
  // Never longer than the TTL, whatever the number says (it is signed, but belt and braces).
  if (at <= nowSeconds || at > nowSeconds + INPUT_URL_TTL_SECONDS) return false;
  const want = Buffer.from(signature(jobId, at));
  const got = Buffer.from(sig);
  return got.length === want.length && timingSafeEqual(got, want);
}
