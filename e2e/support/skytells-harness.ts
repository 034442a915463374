/** Shared set-up for the Skytells adapter tests: a loopback fake, a webhook receiver, settings and helpers. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { startSkytellsFake, type SkytellsFake, type SkytellsFakeOptions } from "../fakes/skytells";
import { isTerminal, pollUntil as pollUntilWith, rejection, setEnv as setAnyEnv } from "./adapter-harness";
import { providerJobFor } from "./provider-job";
import { startWebhookReceiver, type WebhookReceiver } from "./webhook-receiver";
import type { ProviderJob, ProviderJobRef, ProviderUpdate, SubmitContext } from "../../lib/providers/types";
import { skytellsProvider } from "../../lib/providers/skytells/adapter";
import { builtInSkytellsModel } from "../../lib/providers/skytells/models";

const ENV_KEYS = ["SKYTELLS_API_KEY", "SKYTELLS_BASE_URL", "SKYTELLS_WEBHOOK_SECRET", "DATA_DIR"] as const;

export const setEnv = (values: Partial<Record<(typeof ENV_KEYS)[number], string | undefined>>) => setAnyEnv(values);

/** Registers the hooks; read `fake` and `receiver` inside tests (they exist once beforeAll ran). */
export function skytellsHarness(opts: SkytellsFakeOptions = {}): { fake: SkytellsFake; receiver: WebhookReceiver; dataDir: string } {
  const savedEnv = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]));
  const h = {} as { fake: SkytellsFake; receiver: WebhookReceiver; dataDir: string };
  beforeAll(async () => {
    h.fake = await startSkytellsFake({ timings: { queuedMs: 60, runningMs: 240 }, ...opts });
    h.receiver = await startWebhookReceiver({ answer: 200 });
    h.dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "dailies-skytells-"));
    setEnv({ DATA_DIR: h.dataDir });
  });
  beforeEach(() => setEnv(h.fake.env));
  afterAll(async () => {
    await h.fake?.close();
    await h.receiver?.close();
    setEnv(savedEnv);
  });
  return h;
}

export function job(slug: string, overrides: Partial<ProviderJob> = {}): ProviderJob {
  return providerJobFor(builtInSkytellsModel(slug), overrides);
}

export const noWebhook: SubmitContext = { webhookUrl: null, image: null };


export const refOf = (providerJobId: string): ProviderJobRef => ({ providerJobId, providerData: null });

/** Polls the adapter until `done` holds; bounded so a broken fake fails the test instead of hanging. */
export const pollUntil = (ref: ProviderJobRef, done: (u: ProviderUpdate) => boolean, timeoutMs = 10_000) =>
  pollUntilWith(skytellsProvider, ref, done, timeoutMs);

export { isTerminal, rejection };
