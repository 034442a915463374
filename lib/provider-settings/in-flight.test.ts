/** A job at the provider while its key changes: adapters read settings per call, so the next poll uses the new key. */
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from "vitest";
import { startReplicateFake, type ReplicateFake } from "../../e2e/fakes/replicate";
import { providerJobFor } from "../../e2e/support/provider-job";
import { openSettingsStudio, setEnv, type SettingsStudio } from "../../e2e/support/settings-studio";
import { waitFor } from "../../e2e/support/app-server";
import { ProviderError } from "../providers/kit/errors";
import { replicateProvider } from "../providers/replicate/adapter";
import { replicateModel } from "../providers/replicate/models";
import type { ProviderJobRef, ProviderUpdate } from "../providers/types";
import { removeProviderSetting, saveProviderSettings } from "./manage";

let fake: ReplicateFake;
let studio: SettingsStudio;

beforeAll(async () => {
  fake = await startReplicateFake({ timings: { startingMs: 50, processingMs: 300 } });
});
afterAll(() => fake?.close());
beforeEach(async () => {
  setEnv({ REPLICATE_API_TOKEN: undefined, REPLICATE_WEBHOOK_SECRET: undefined, REPLICATE_BASE_URL: fake.baseUrl });
  studio = await openSettingsStudio();
});
afterEach(() => studio.close());

const save = (token: string) => saveProviderSettings(studio.db, studio.owner, "replicate", { REPLICATE_API_TOKEN: token });
const failureOf = (p: Promise<unknown>) => p.then(() => null, (err: unknown) => err);

async function submitOne(): Promise<ProviderJobRef> {
  const job = providerJobFor(replicateModel("replicate:google/veo-3.1-fast"));
  return replicateProvider.submit(job, { webhookUrl: null, image: null });
}

it("polls a job submitted with the old key with the new one, to the end", async () => {
  const oldToken = fake.token;
  expect((await save(oldToken)).ok).toBe(true);
  const ref = await submitOne();
  expect(fake.submissions.at(-1)?.headers.authorization).toBe(`Bearer ${oldToken}`);

  // The old key is revoked at the provider: a poll with it is refused, with a sentence naming the setting.
  const newToken = fake.rotateToken();
  const refused = await failureOf(replicateProvider.poll(ref));
  expect(refused).toBeInstanceOf(ProviderError);
  expect((refused as ProviderError).message).toBe("Replicate rejected the API key: check REPLICATE_API_TOKEN.");

  expect((await save(newToken)).ok).toBe(true);
  let last: ProviderUpdate | undefined;
  await waitFor(async () => (last = await replicateProvider.poll(ref)).status === "succeeded", 10_000, () => `still ${last?.status}`);
  const video = await replicateProvider.fetchOutput(ref, last!, AbortSignal.timeout(10_000));
  expect(video.ok).toBe(true);
  expect(Buffer.from(await video.arrayBuffer()).length).toBeGreaterThan(1000);
});

it("after Remove, is unconfigured for new jobs and a job in flight fails its next poll with a clear sentence", async () => {
  await save(fake.token);
  const ref = await submitOne();
  expect((await removeProviderSetting(studio.db, studio.owner, "replicate", "REPLICATE_API_TOKEN")).ok).toBe(true);
  expect(replicateProvider.isConfigured()).toBe(false);
  const err = await failureOf(replicateProvider.poll(ref));
  expect(err).toMatchObject({ code: "provider_error", retryable: false, message: "Replicate is not configured: add REPLICATE_API_TOKEN." });
});
