/**
 * The secret Replicate signs webhooks with. REPLICATE_WEBHOOK_SECRET wins; otherwise we ask
 * the API once (`GET /webhooks/default/secret`) and keep it in memory. A signature that fails
 * with the cached secret triggers one refetch in case the secret was rotated, at most every
 * REFETCH_MIN_INTERVAL_MS so forged requests cannot make us hammer Replicate.
 */
import "server-only";
import { createHash } from "node:crypto";
import { TOLERANCE_SECONDS, verify } from "../../webhooks/standard-webhooks";
import { ProviderError, WebhookVerificationError } from "../kit/errors";
import { str } from "../kit/json";
import { replicate, replicateSettings } from "./client";

const REFETCH_MIN_INTERVAL_MS = 10_000;

interface CachedSecret {
  secret: Promise<string>;
  fetchedAt: number;
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

function load(cacheKey: string, now: number): CachedSecret {
  const entry: CachedSecret = { secret: fetchSecret(), fetchedAt: now };
  cache().set(cacheKey, entry);
  // A failed fetch must not stick: the next webhook tries again.
  entry.secret.catch(() => {
    if (cache().get(cacheKey) === entry) cache().delete(cacheKey);
  });
  return entry;
}

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
  const entry = cache().get(cacheKey) ?? load(cacheKey, now);
  const secret = await entry.secret;
  try {
    return verify(secret, rawBody, headers, now);
  } catch (err) {
    const canRefetch = now - entry.fetchedAt >= REFETCH_MIN_INTERVAL_MS && cache().get(cacheKey) === entry;
    if (!(err instanceof WebhookVerificationError) || !canRefetch || !mayBeRotation(headers, now)) throw err;
    const fresh = await load(cacheKey, now).secret;
    if (fresh === secret) throw err;
    return verify(fresh, rawBody, headers, now);
  }
}
