/** fal passes the conformance suite against its loopback fake (ED25519 webhooks from a JWKS, cancel at fal, progress from logs). */
import { startFalFake } from "../fakes/fal";
import type { FalWebhookVariant } from "../fakes/fal-webhook";
import { countMentioning, describeProvider, type WebhookVariant } from "./describe-provider";

// fal dedupes on the request id, so a second valid delivery is the replay.
const VARIANTS: Record<WebhookVariant, FalWebhookVariant> = { valid: "valid", replay: "valid", tampered: "tampered", stale: "stale" };

describeProvider({
  provider: "fal",
  textModel: "fal:fal-ai/kling-video/v2.1/master/text-to-video",
  imageModel: "fal:fal-ai/kling-video/v2.1/master/text-to-video",
  capabilities: { webhooks: true, timestampedSignatures: true, cancelAtProvider: true, progress: true },
  async startFake({ slowMs }) {
    const fake = await startFalFake({ timings: { queuedMs: 150, runningMs: 600 }, slowMs });
    return {
      env: fake.env,
      close: () => fake.close(),
      accepted: (tag) => countMentioning(fake.submissions.map((s) => s.input), tag),
      attempts: (tag) => countMentioning(fake.attempts.map((s) => s.input), tag),
      downloads: (id) => fake.downloads(id),
      canceled: (id) => fake.canceled(id),
      sendWebhook(id, variant) {
        const url = fake.submissions.find((s) => s.requestId === id)?.webhookUrl;
        if (!url) throw new Error(`fal fake: request ${id} has no webhook URL`);
        return fake.sendWebhook(url, { requestId: id, variant: VARIANTS[variant] });
      },
    };
  },
});
