import fs from "node:fs/promises";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { generateKeyPairSync, sign, type KeyObject } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetEnvCache } from "../env";
import { ProviderError } from "../providers/kit/errors";
import { JWKS_MAX_AGE_MS, JWKS_MIN_REFETCH_MS, clearJwksCache, verifyEd25519Any } from "./ed25519-jwks";

interface TestKey {
  privateKey: KeyObject;
  jwk: Record<string, unknown>;
}

function newKey(): TestKey {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  return { privateKey, jwk: { ...publicKey.export({ format: "jwk" }), kid: String(Math.random()) } };
}

const sig = (key: TestKey, message: Buffer) => sign(null, message, key.privateKey).toString("hex");

// The key server: what it publishes and how often it was asked.
let published: unknown[] = [];
let status = 200;
let hits = 0;
let server: http.Server;
let jwksUrl: string;
let dataDir: string;
const savedEnv = { ...process.env };

beforeAll(async () => {
  server = http.createServer((_req, res) => {
    hits++;
    res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify({ keys: published }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "dailies-jwks-"));
  process.env.DATA_DIR = dataDir;
  process.env.PROVIDER_TIMEOUT_SECONDS = "5";
  resetEnvCache();
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  process.env = savedEnv;
  resetEnvCache();
  await fs.rm(dataDir, { recursive: true, force: true });
});

beforeEach(() => {
  clearJwksCache();
  published = [];
  status = 200;
  hits = 0;
});

const message = Buffer.from("req-1\nuser-1\n1700000000\nabc", "utf8");
const t0 = 1_800_000_000_000;

describe("verifyEd25519Any", () => {
  it("accepts a signature by a published key and caches the key set", async () => {
    const key = newKey();
    published = [key.jwk];
    expect(await verifyEd25519Any(message, sig(key, message), jwksUrl, { now: t0 })).toBe(true);
    expect(await verifyEd25519Any(message, sig(key, message), jwksUrl, { now: t0 + 1000 })).toBe(true);
    expect(hits).toBe(1);
  });

  it("tries every key and skips ones that are not Ed25519 or are malformed", async () => {
    const key = newKey();
    published = [{ kty: "EC", crv: "P-256", x: "abc", y: "def" }, { kty: "OKP", crv: "Ed25519", x: "!!" }, newKey().jwk, key.jwk];
    expect(await verifyEd25519Any(message, sig(key, message), jwksUrl, { now: t0 })).toBe(true);
  });

  it("rejects a changed message and malformed signatures", async () => {
    const key = newKey();
    published = [key.jwk];
    const other = Buffer.from("req-1\nuser-1\n1700000000\nabd", "utf8");
    expect(await verifyEd25519Any(other, sig(key, message), jwksUrl, { now: t0 })).toBe(false);
    expect(await verifyEd25519Any(message, "zz".repeat(64), jwksUrl, { now: t0 })).toBe(false);
    expect(await verifyEd25519Any(message, sig(key, message).slice(2), jwksUrl, { now: t0 })).toBe(false);
  });

  it("refetches once when the signer rotated its key", async () => {
    const oldKey = newKey();
    const newer = newKey();
    published = [oldKey.jwk];
    expect(await verifyEd25519Any(message, sig(oldKey, message), jwksUrl, { now: t0 })).toBe(true);
    published = [newer.jwk];
    const later = t0 + JWKS_MIN_REFETCH_MS + 1;
    expect(await verifyEd25519Any(message, sig(newer, message), jwksUrl, { now: later })).toBe(true);
    expect(hits).toBe(2);
    expect(await verifyEd25519Any(message, sig(oldKey, message), jwksUrl, { now: later + 1 })).toBe(false);
    expect(hits).toBe(2);
  });

  it("lets forged signatures trigger at most one refetch per interval", async () => {
    const key = newKey();
    const forger = newKey();
    published = [key.jwk];
    await verifyEd25519Any(message, sig(key, message), jwksUrl, { now: t0 });
    for (let i = 1; i <= 20; i++) {
      expect(await verifyEd25519Any(message, sig(forger, message), jwksUrl, { now: t0 + i * 1000 })).toBe(false);
    }
    expect(hits).toBe(1);
    expect(await verifyEd25519Any(message, sig(forger, message), jwksUrl, { now: t0 + JWKS_MIN_REFETCH_MS + 1 })).toBe(false);
    expect(await verifyEd25519Any(message, sig(forger, message), jwksUrl, { now: t0 + JWKS_MIN_REFETCH_MS + 2 })).toBe(false);
    expect(hits).toBe(2);
  });

  it("shares one fetch between concurrent checks", async () => {
    const key = newKey();
    published = [key.jwk];
    const results = await Promise.all(Array.from({ length: 5 }, () => verifyEd25519Any(message, sig(key, message), jwksUrl, { now: t0 })));
    expect(results).toEqual([true, true, true, true, true]);
    expect(hits).toBe(1);
  });

  it("reloads a key set older than a day", async () => {
    const key = newKey();
    published = [key.jwk];
    await verifyEd25519Any(message, sig(key, message), jwksUrl, { now: t0 });
    await verifyEd25519Any(message, sig(key, message), jwksUrl, { now: t0 + JWKS_MAX_AGE_MS + 1 });
    expect(hits).toBe(2);
  });

  it("throws a retryable error when no key set can be loaded, without hammering the server", async () => {
    status = 503;
    const key = newKey();
    const first = verifyEd25519Any(message, sig(key, message), jwksUrl, { now: t0 });
    await expect(first).rejects.toBeInstanceOf(ProviderError);
    await expect(first).rejects.toMatchObject({ retryable: true });
    await expect(verifyEd25519Any(message, sig(key, message), jwksUrl, { now: t0 + 1000 })).rejects.toBeInstanceOf(ProviderError);
    expect(hits).toBe(1);

    status = 200;
    published = [key.jwk];
    expect(await verifyEd25519Any(message, sig(key, message), jwksUrl, { now: t0 + JWKS_MIN_REFETCH_MS + 1 })).toBe(true);
  });
});
