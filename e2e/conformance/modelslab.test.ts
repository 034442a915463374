/** ModelsLab passes the conformance suite against its loopback fake (unsigned webhooks with a per-job token, local cancel, eta but no progress). */
import { startModelslabFake } from "../fakes/modelslab";
import { describeProvider } from "./describe-provider";
import { kitFakeTarget } from "./target";

describeProvider({
  provider: "modelslab",
  textModel: "modelslab:veo-3.1-fast",
  // v7 takes the image only by URL: the fake fetches our signed input link.
  imageModel: "modelslab:wan2.6-i2v",
  capabilities: { webhooks: true, timestampedSignatures: false, cancelAtProvider: false, progress: false },
  async startFake({ slowMs }) {
    const fake = await startModelslabFake({ timings: { queuedMs: 150, runningMs: 600 }, slowMs });
    return {
      ...kitFakeTarget(fake),
      sendWebhook(id, variant) {
        if (variant === "stale") throw new Error("ModelsLab callbacks carry no timestamp, so there is no stale delivery.");
        return fake.sendWebhook(id, variant);
      },
    };
  },
});
