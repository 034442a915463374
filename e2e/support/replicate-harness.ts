/** Shared set-up for the Replicate adapter tests: a loopback fake, a webhook receiver, env and helpers. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { startReplicateFake, type ReplicateFake } from "../fakes/replicate";
import { isTerminal, pollUntil as pollUntilWith, rejection, setEnv as setAnyEnv } from "./adapter-harness";
import { providerJobFor } from "./provider-job";
import { startWebhookReceiver, type WebhookReceiver } from "./webhook-receiver";
import type { ProviderJob, ProviderJobRef, ProviderUpdate, SubmitContext } from "../../lib/providers/types";
import { replicateProvider } from "../../lib/providers/replicate/adapter";
import { replicateModel } from "../../lib/providers/replicate/models";
import { resetReplicateWebhookSecretCache } from "../../lib/providers/replicate/webhook-secret";

const ENV_KEYS = ["REPLICATE_BASE_URL", "REPLICATE_API_TOKEN", "REPLICATE_WEBHOOK_SECRET", "DATA_DIR"] as const;

export const setEnv = (values: Partial<Record<(typeof ENV_KEYS)[number], string | undefined>>) => setAnyEnv(values);

/** Registers the hooks; read `fake` and `receiver` inside tests (they exist once beforeAll ran). */
export function replicateHarness(): { fake: ReplicateFake; receiver: WebhookReceiver } {
  const savedEnv = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]));
  const h = {} as { fake: ReplicateFake; receiver: WebhookReceiver };
  beforeAll(async () => {
    h.fake = await startReplicateFake({ timings: { startingMs: 50, processingMs: 250 } });
    h.receiver = await startWebhookReceiver();
    setEnv({ DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "dailies-replicate-")) });
  });
  beforeEach(() => {
    setEnv({ REPLICATE_BASE_URL: h.fake.baseUrl, REPLICATE_API_TOKEN: h.fake.token, REPLICATE_WEBHOOK_SECRET: undefined });
    resetReplicateWebhookSecretCache();
  });
  afterAll(async () => {
    await h.fake?.close();
    await h.receiver?.close();
    setEnv(savedEnv);
  });
  return h;
}

export function job(modelId: string, overrides: Partial<ProviderJob> = {}): ProviderJob {
  return providerJobFor(replicateModel(modelId), overrides);
}

export const noWebhook: SubmitContext = { webhookUrl: null, image: null };


/** Polls the adapter until `done` holds; bounded so a broken fake fails the test instead of hanging. */
export const pollUntil = (ref: ProviderJobRef, done: (u: ProviderUpdate) => boolean, timeoutMs = 10_000) =>
  pollUntilWith(replicateProvider, ref, done, timeoutMs);

export { isTerminal, rejection };
