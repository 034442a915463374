/**
 * The secret Replicate signs webhooks with. REPLICATE_WEBHOOK_SECRET wins; otherwise we ask
 * the API once (`GET /webhooks/default/secret`) and keep it in memory. A signature that fails
 * with the cached secret triggers one refetch in case the secret was rotated. Like the fal JWKS
 * path (lib/webhooks/ed25519-jwks.ts), every fetch attempt counts, failed ones too: at most one
 * per REFETCH_MIN_INTERVAL_MS, so a stream of forged webhooks cannot make us hammer Replicate
 * with authenticated calls, even while its API is down.
 */
import "server-only";
import { createHash } from "node:crypto";
import { TOLERANCE_SECONDS, verify } from "../../webhooks/standard-webhooks";
import { ProviderError, WebhookVerificationError } from "../kit/errors";
import { str } from "../kit/json";
import { replicate, replicateSettings } from "./client";

export const REFETCH_MIN_INTERVAL_MS = 60_000;

interface CachedSecret {
  secret: Promise<string>;
  /** When this fetch was started: the throttle counts from here whether it worked or not. */
  fetchedAt: number;
  /** Set once the fetch has failed: until the interval passes, webhooks are told to retry. */
  failed: boolean;
}

// On globalThis so dev-mode module reloads do not refetch on every request.
const store = globalThis as typeof globalThis & { __dailiesReplicateWebhookSecrets?: Map<string, CachedSecret> };
const cache = (): Map<string, CachedSecret> => (store.__dailiesReplicateWebhookSecrets ??= new Map());

/** Tests switch between fake servers and secrets. */
export function resetReplicateWebhookSecretCache(): void {
  cache().clear();
}

async function fetchSecret(): Promise<string> {
  const { body } = await replicate.json<{ key?: unknown } | null>("GET", "/webhooks/default/secret", { what: "request for the webhook signing secret" });
  const key = str(body?.key);
  if (!key) throw new ProviderError("provider_error", "Replicate sent no webhook signing secret.", { retryable: true });
  return key;
}

function load(cacheKey: string, now: number, previous?: CachedSecret): CachedSecret {
  const entry: CachedSecret = { secret: fetchSecret(), fetchedAt: now, failed: false };
  cache().set(cacheKey, entry);
  // A failed refetch keeps the last good secret in use (a rotation check that failed proves nothing);
  // a failed first fetch stays cached as a failure until the throttle lets the next try through.
  entry.secret.catch(() => {
    if (cache().get(cacheKey) !== entry) return;
    if (previous && !previous.failed) cache().set(cacheKey, { ...previous, fetchedAt: now });
    else entry.failed = true;
  });
  return entry;
}

const retryLater = () =>
  new ProviderError("provider_error", "The Replicate webhook signing secret could not be fetched recently; retry shortly.", { retryable: true });

/** Only a mismatch on an otherwise well-formed, fresh message can be explained by rotation. */
function mayBeRotation(headers: Headers, now: number): boolean {
  const ts = Number(headers.get("webhook-timestamp"));
  return (
    !!headers.get("webhook-id") &&
    !!headers.get("webhook-signature") &&
    Number.isInteger(ts) &&
    Math.abs(now / 1000 - ts) <= TOLERANCE_SECONDS
  );
}

/** Returns the webhook id; throws WebhookVerificationError on a bad or stale signature. */
export async function verifyReplicateSignature(rawBody: Buffer, headers: Headers, now = Date.now()): Promise<string> {
  const settings = replicateSettings();
  if (settings.REPLICATE_WEBHOOK_SECRET) return verify(settings.REPLICATE_WEBHOOK_SECRET, rawBody, headers, now);

  // Keyed by account and endpoint: a different token means a different secret.
  const cacheKey = createHash("sha256").update(`${settings.REPLICATE_BASE_URL}\n${settings.REPLICATE_API_TOKEN ?? ""}`).digest("hex");
  let entry = cache().get(cacheKey);
  if (entry?.failed) {
    if (now - entry.fetchedAt < REFETCH_MIN_INTERVAL_MS) throw retryLater();
    entry = undefined;
  }
  entry ??= load(cacheKey, now);
  const secret = await entry.secret;
  try {
    return verify(secret, rawBody, headers, now);
  } catch (err) {
    const canRefetch = now - entry.fetchedAt >= REFETCH_MIN_INTERVAL_MS && cache().get(cacheKey) === entry;
    if (!(err instanceof WebhookVerificationError) || !canRefetch || !mayBeRotation(headers, now)) throw err;
    const fresh = await load(cacheKey, now, entry).secret.catch(() => null);
    if (fresh === null || fresh === secret) throw err;
    return verify(fresh, rawBody, headers, now);
  }
}
