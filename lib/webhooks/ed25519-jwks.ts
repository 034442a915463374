/**
 * ED25519 signatures checked against a JWKS (fal signs its webhooks this way).
 * Key sets are cached per URL for up to a day. When no key matches we refetch once,
 * because the signer may have rotated keys, but never more often than
 * JWKS_MIN_REFETCH_MS: otherwise every forged request would make us hit the JWKS host.
 */
import "server-only";
import { createPublicKey, verify, type KeyObject } from "node:crypto";
import { env } from "../env";
import { fetchWithTimeout } from "../http/fetch-with-timeout";
import { ProviderError } from "../providers/kit/errors";
import { readCappedStream } from "../http/read-body";

export const JWKS_MAX_AGE_MS = 24 * 60 * 60 * 1000;
export const JWKS_MIN_REFETCH_MS = 60 * 1000;
const MAX_JWKS_BYTES = 256 * 1024;

interface KeySet {
  keys: KeyObject[];
  fetchedAt: number;
}

interface Slot {
  set: KeySet | null;
  /** Last fetch attempt, successful or not: the refetch throttle counts failures too. */
  attemptedAt: number;
  inflight: Promise<KeySet> | null;
}

// On globalThis so Next's dev reloads and separate route bundles share one cache.
const CACHE = Symbol.for("dailies.ed25519-jwks");
type CacheHolder = typeof globalThis & { [CACHE]?: Map<string, Slot> };

function slots(): Map<string, Slot> {
  const holder = globalThis as CacheHolder;
  return (holder[CACHE] ??= new Map());
}

/** For tests that swap key sets between cases. */
export function clearJwksCache(): void {
  slots().clear();
}

/**
 * True when `signatureHex` is a valid ED25519 signature of `message` by any key in the
 * JWKS at `jwksUrl`. Throws a retryable ProviderError only when no key set can be loaded.
 */
export async function verifyEd25519Any(
  message: Buffer,
  signatureHex: string,
  jwksUrl: string,
  opts: { now?: number } = {},
): Promise<boolean> {
  const now = opts.now ?? Date.now();
  if (!/^[0-9a-f]{128}$/i.test(signatureHex)) return false;
  const signature = Buffer.from(signatureHex, "hex");

  const current = await keySet(jwksUrl, now);
  if (anyKeyVerifies(current.keys, message, signature)) return true;

  const slot = slots().get(jwksUrl);
  if (!slot || now - slot.attemptedAt < JWKS_MIN_REFETCH_MS) return false;
  const refreshed = await refetch(jwksUrl, slot, now).catch(() => null);
  return refreshed !== null && anyKeyVerifies(refreshed.keys, message, signature);
}

function anyKeyVerifies(keys: readonly KeyObject[], message: Buffer, signature: Buffer): boolean {
  return keys.some((key) => {
    try {
      return verify(null, message, key, signature);
    } catch {
      return false;
    }
  });
}

async function keySet(url: string, now: number): Promise<KeySet> {
  const map = slots();
  let slot = map.get(url);
  if (slot?.set && now - slot.set.fetchedAt < JWKS_MAX_AGE_MS) return slot.set;
  if (slot?.inflight) return slot.inflight;
  if (slot && now - slot.attemptedAt < JWKS_MIN_REFETCH_MS) {
    throw new ProviderError("provider_error", "The webhook signing keys could not be loaded recently; try again shortly.", {
      retryable: true,
    });
  }
  if (!slot) {
    slot = { set: null, attemptedAt: 0, inflight: null };
    map.set(url, slot);
  }
  return refetch(url, slot, now);
}

function refetch(url: string, slot: Slot, now: number): Promise<KeySet> {
  if (slot.inflight) return slot.inflight;
  slot.attemptedAt = now;
  const pending = loadKeys(url, now)
    .then((set) => {
      slot.set = set;
      return set;
    })
    .finally(() => {
      slot.inflight = null;
    });
  slot.inflight = pending;
  return pending;
}

async function loadKeys(url: string, now: number): Promise<KeySet> {
  const res = await fetchWithTimeout("the webhook key server", url, {
    method: "GET",
    headers: { accept: "application/json" },
    timeoutMs: env().PROVIDER_TIMEOUT_SECONDS * 1000,
  });
  if (!res.ok) {
    await res.body?.cancel();
    throw new ProviderError("provider_error", `The webhook key set at ${url} answered HTTP ${res.status}.`, {
      retryable: true,
      httpStatus: res.status,
    });
  }
  const text = await readCapped(res, MAX_JWKS_BYTES);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ProviderError("provider_error", `The webhook key set at ${url} is not JSON.`, { retryable: true });
  }
  return { keys: ed25519Keys(parsed), fetchedAt: now };
}

function ed25519Keys(jwks: unknown): KeyObject[] {
  const list = (jwks as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(list)) return [];
  const keys: KeyObject[] = [];
  for (const jwk of list) {
    if (!jwk || typeof jwk !== "object") continue;
    const { kty, crv, x } = jwk as Record<string, unknown>;
    if (kty !== "OKP" || crv !== "Ed25519" || typeof x !== "string") continue;
    try {
      keys.push(createPublicKey({ key: { kty, crv, x }, format: "jwk" }));
    } catch {
      // a malformed key must not hide the good ones
    }
  }
  return keys;
}

async function readCapped(res: Response, maxBytes: number): Promise<string> {
  const body = await readCappedStream(res.body, maxBytes);
  if (!body) throw new ProviderError("provider_error", `The webhook key set is larger than ${maxBytes} bytes.`, { retryable: false });
  return body.toString("utf8");
}
