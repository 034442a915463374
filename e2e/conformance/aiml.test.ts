/** AI.ML passes the conformance suite against its loopback fake (polled only, local cancel, image by signed URL, presigned two-step download). */
import { startAimlFake } from "../fakes/aiml";
import { describeProvider } from "./describe-provider";
import { kitFakeTarget } from "./target";

describeProvider({
  provider: "aiml",
  textModel: "aiml:video-gen.pro-1.0",
  imageModel: "aiml:video-gen.pro-1.0",
  // No webhooks, no cancel, no progress figures are documented.
  capabilities: { webhooks: false, timestampedSignatures: false, cancelAtProvider: false, progress: false },
  jobFields: { durationSeconds: 5, resolution: "720p" },
  async startFake({ slowMs }) {
    const fake = await startAimlFake({ timings: { queuedMs: 150, runningMs: 600 }, slowMs });
    return {
      ...kitFakeTarget(fake),
    };
  },
});
