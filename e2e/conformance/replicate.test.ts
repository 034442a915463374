/** Replicate passes the conformance suite against its loopback fake (Standard Webhooks, cancel at Replicate, tqdm progress). */
import { startReplicateFake } from "../fakes/replicate";
import { countMentioning, describeProvider, type WebhookVariant } from "./describe-provider";

const webhookOptions = (id: string, variant: WebhookVariant) =>
  ({
    // Replicate's dedupe key is webhook-id: a replay reuses the valid delivery's id.
    valid: { webhookId: `msg_conformance_${id}` },
    replay: { webhookId: `msg_conformance_${id}` },
    tampered: { tamperBody: true },
    stale: { timestampMs: Date.now() - 10 * 60_000 },
  })[variant];

describeProvider({
  provider: "replicate",
  textModel: "replicate:google/veo-3.1-fast",
  imageModel: "replicate:google/veo-3.1-fast",
  capabilities: { webhooks: true, timestampedSignatures: true, cancelAtProvider: true, progress: true },
  async startFake({ slowMs }) {
    const fake = await startReplicateFake({ timings: { startingMs: 150, processingMs: 600, slowMs } });
    return {
      env: { REPLICATE_API_TOKEN: fake.token, REPLICATE_BASE_URL: fake.baseUrl },
      close: () => fake.close(),
      accepted: (tag) => countMentioning(fake.submissions.map((s) => s.input), tag),
      attempts: (tag) => countMentioning(fake.attempts.map((s) => s.input), tag),
      downloads: (id) => fake.downloads(`${id}.mp4`),
      canceled: (id) => fake.predictions.get(id)?.cancelRequested === true,
      sendWebhook: (id, variant) => fake.sendWebhook(id, webhookOptions(id, variant)),
    };
  },
});
