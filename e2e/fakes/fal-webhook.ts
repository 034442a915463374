/**
 * fal webhook signing for tests: ED25519 over `requestId\nuserId\ntimestamp\nsha256hex(body)`,
 * plus deliberately broken variants (stale, tampered, wrong key, garbage signature) so
 * integration tests can check that our route refuses them.
 */
import { createHash, generateKeyPairSync, randomUUID, sign, type KeyObject } from "node:crypto";

export interface FalSigningKey {
  kid: string;
  privateKey: KeyObject;
  /** The public half as published in a JWKS. */
  jwk: { kty: "OKP"; crv: "Ed25519"; x: string; kid: string; use: "sig"; alg: "EdDSA" };
}

export type FalWebhookVariant = "valid" | "stale" | "tampered" | "wrong-key" | "garbage-signature";

export interface FalWebhook {
  body: string;
  headers: Record<string, string>;
}

export function generateFalSigningKey(): FalSigningKey {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  const exported = publicKey.export({ format: "jwk" });
  const kid = randomUUID();
  return { kid, privateKey, jwk: { kty: "OKP", crv: "Ed25519", x: String(exported.x), kid, use: "sig", alg: "EdDSA" } };
}

function signFalWebhook(
  key: FalSigningKey,
  opts: { requestId: string; userId: string; body: string | Buffer; timestampSeconds?: number },
): Record<string, string> {
  const ts = String(opts.timestampSeconds ?? Math.floor(Date.now() / 1000));
  const bodyHash = createHash("sha256").update(opts.body).digest("hex");
  const message = Buffer.from(`${opts.requestId}\n${opts.userId}\n${ts}\n${bodyHash}`, "utf8");
  return {
    "content-type": "application/json",
    "x-fal-webhook-request-id": opts.requestId,
    "x-fal-webhook-user-id": opts.userId,
    "x-fal-webhook-timestamp": ts,
    "x-fal-webhook-signature": sign(null, message, key.privateKey).toString("hex"),
  };
}

/** A webhook for `payload`, signed by `key` unless the variant says otherwise. */
export function buildFalWebhook(
  key: FalSigningKey,
  opts: { requestId: string; userId: string; payload: unknown; variant?: FalWebhookVariant; now?: number },
): FalWebhook {
  const variant = opts.variant ?? "valid";
  const body = JSON.stringify(opts.payload);
  const nowSeconds = Math.floor((opts.now ?? Date.now()) / 1000);
  const signer = variant === "wrong-key" ? generateFalSigningKey() : key;
  const timestampSeconds = variant === "stale" ? nowSeconds - 600 : nowSeconds;
  const headers = signFalWebhook(signer, { requestId: opts.requestId, userId: opts.userId, body, timestampSeconds });
  if (variant === "garbage-signature") headers["x-fal-webhook-signature"] = "ab".repeat(64);
  if (variant === "tampered") return { body: tamper(body), headers };
  return { body, headers };
}

/** Changes meaning, not just whitespace, so a lenient parser cannot mask the change. */
function tamper(body: string): string {
  const parsed = JSON.parse(body) as unknown;
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return JSON.stringify({ tampered: parsed });
  const changed = { ...(parsed as Record<string, unknown>) };
  changed.status = changed.status === "OK" ? "ERROR" : "OK";
  changed.payload = { video: { url: "http://203.0.113.7/evil.mp4", content_type: "video/mp4" } };
  return JSON.stringify(changed);
}

export async function postFalWebhook(url: string, webhook: FalWebhook): Promise<number> {
  const res = await fetch(url, { method: "POST", headers: webhook.headers, body: webhook.body, signal: AbortSignal.timeout(10_000) });
  await res.body?.cancel();
  return res.status;
}

/** The payload fal posts for a finished request. */
export function okPayload(requestId: string, videoUrl: string): Record<string, unknown> {
  return {
    request_id: requestId,
    gateway_request_id: requestId,
    status: "OK",
    payload: { video: { url: videoUrl, content_type: "video/mp4", file_name: `${requestId}.mp4` }, seed: 42 },
  };
}

export function errorPayload(requestId: string, httpStatus: number, detail: unknown): Record<string, unknown> {
  return {
    request_id: requestId,
    gateway_request_id: requestId,
    status: "ERROR",
    error: `Invalid status code: ${httpStatus}`,
    payload: detail,
  };
}
