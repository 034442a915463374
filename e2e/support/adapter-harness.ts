/** Small pieces adapter tests share: a fake's lifecycle and env, bounded polling, rejections, reading a response, an input image server. */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { setTimeout as pause } from "node:timers/promises";
import { afterAll, beforeAll } from "vitest";
import { makeStillPng } from "../pw/sample-media";
import { startHttpFake, type HttpFake } from "../fakes/kit/http";
import { resetEnvCache } from "../../lib/env";
import { ProviderError } from "../../lib/providers/kit/errors";
import type { ProviderJobRef, ProviderUpdate, VideoProvider } from "../../lib/providers/types";

/** Sets (or, for `undefined`, removes) environment variables and drops the cached env. */
export function setEnv(vars: Record<string, string | undefined>): void {
  for (const [k, v] of Object.entries(vars)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  resetEnvCache();
}

/**
 * Registers the hooks that start a provider fake, point the env at it with a fresh DATA_DIR, and undo it all.
 * Read `fake` and `dataDir` inside tests (they exist once beforeAll ran).
 */
export function providerFakeHarness<F extends { env: Record<string, string>; close(): Promise<void> }>(
  start: () => Promise<F>,
  name: string,
): { fake: F; dataDir: string } {
  const savedEnv = { ...process.env };
  const h = {} as { fake: F; dataDir: string };
  beforeAll(async () => {
    h.fake = await start();
    h.dataDir = await fs.mkdtemp(path.join(os.tmpdir(), `dailies-${name}-`));
    setEnv({ ...h.fake.env, DATA_DIR: h.dataDir, PROVIDER_TIMEOUT_SECONDS: "5" });
  });
  afterAll(async () => {
    await h.fake?.close();
    process.env = savedEnv;
    resetEnvCache();
    if (h.dataDir) await fs.rm(h.dataDir, { recursive: true, force: true });
  });
  return h;
}

export const isTerminal = (u: ProviderUpdate) => u.status === "succeeded" || u.status === "failed" || u.status === "canceled";

/** Polls the adapter until `done` holds; bounded so a broken fake fails the test instead of hanging. */
export async function pollUntil(
  provider: VideoProvider,
  ref: ProviderJobRef,
  done: (u: ProviderUpdate) => boolean,
  timeoutMs = 10_000,
): Promise<ProviderUpdate> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const update = await provider.poll(ref);
    if (done(update)) return update;
    if (Date.now() > until) throw new Error(`still ${update.status} after ${timeoutMs} ms`);
    await pause(20);
  }
}

export const pollUntilDone = (provider: VideoProvider, ref: ProviderJobRef, timeoutMs = 10_000) =>
  pollUntil(provider, ref, isTerminal, timeoutMs);

/** What the promise rejected with; a resolved promise fails the test. */
export async function rejection(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => {
      throw new Error("expected a rejection");
    },
    (err: unknown) => err,
  );
}

/** The ProviderError the promise rejected with; anything else fails the test. */
export async function providerFailure(p: Promise<unknown>): Promise<ProviderError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof ProviderError)) throw new Error(`expected a ProviderError, got ${String(err)}`);
  return err;
}

export async function bodyOf(res: Response): Promise<Buffer> {
  return Buffer.from(await res.arrayBuffer());
}

/** Whether the bytes start like an MP4 (an `ftyp` box). */
export const looksLikeMp4 = (bytes: Buffer) => bytes.subarray(4, 8).toString("latin1") === "ftyp";

/** Serves one PNG at `/signed/still.png`, standing in for the signed input-image URL to our server. */
export async function startImageServer(): Promise<HttpFake & { url: string; hits: () => number }> {
  const png = await makeStillPng(64, 36);
  let hits = 0;
  const server = await startHttpFake((req, res) => {
    if (req.url.pathname !== "/signed/still.png") {
      res.writeHead(404).end();
      return;
    }
    hits += 1;
    res.writeHead(200, { "content-type": "image/png", "content-length": png.length }).end(png);
  });
  return { ...server, url: `${server.origin}/signed/still.png`, hits: () => hits };
}
