/** Skytells passes the conformance suite against its loopback fake (HMAC-signed webhooks without a timestamp, cancel at Skytells, metrics.progress). */
import { startSkytellsFake, type WebhookVariant as SkytellsVariant } from "../fakes/skytells";
import { countMentioning, describeProvider, type WebhookVariant } from "./describe-provider";

const variants: Record<Exclude<WebhookVariant, "stale">, SkytellsVariant & { replay?: boolean }> = {
  valid: {},
  tampered: { tamper: true },
  // The same delivery again: Skytells signs no timestamp, so the route's dedupe (prediction id + status) is what stops it.
  replay: { replay: true },
};

describeProvider({
  provider: "skytells",
  textModel: "skytells:mera",
  imageModel: "skytells:truefusion-video-pro",
  capabilities: { webhooks: true, timestampedSignatures: false, cancelAtProvider: true, progress: true },
  async startFake({ slowMs }) {
    const fake = await startSkytellsFake({ timings: { queuedMs: 150, runningMs: 600, slowMs } });
    return {
      env: fake.env,
      close: () => fake.close(),
      accepted: (tag) => countMentioning(fake.submissions.map((s) => s.body), tag),
      attempts: (tag) => countMentioning(fake.attempts.map((s) => s.body), tag),
      downloads: (id) => fake.downloads(`/cdn/${id}.mp4`),
      canceled: (id) => fake.cancelRequests.includes(id),
      sendWebhook: (id, variant) => {
        if (variant === "stale") throw new Error("Skytells signs no timestamp: there is no stale delivery to send.");
        return fake.sendWebhook(id, variants[variant]);
      },
    };
  },
});
