/** Visgate passes the conformance suite against its loopback fake (async create, polled only, local cancel, image by signed URL). */
import { startVisgateFake } from "../fakes/visgate";
import { describeProvider } from "./describe-provider";
import { kitFakeTarget } from "./target";

describeProvider({
  provider: "visgate",
  textModel: "visgate:fal-ai/veo3",
  imageModel: "visgate:fal-ai/veo3",
  // No webhooks, no cancel, no progress figures are documented.
  capabilities: { webhooks: false, timestampedSignatures: false, cancelAtProvider: false, progress: false },
  jobFields: { durationSeconds: 4 },
  async startFake({ slowMs }) {
    const fake = await startVisgateFake({ timings: { queuedMs: 150, runningMs: 600 }, slowMs });
    return {
      ...kitFakeTarget(fake),
    };
  },
});
