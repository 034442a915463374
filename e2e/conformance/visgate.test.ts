/** Visgate passes the conformance suite against its loopback fake (async create, polled only, local cancel, image by signed URL). */
import { startVisgateFake } from "../fakes/visgate";
import { countMentioning, describeProvider } from "./describe-provider";

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
      env: fake.env,
      close: () => fake.close(),
      accepted: (tag) => countMentioning(fake.submissions.map((s) => s.body), tag),
      attempts: (tag) => countMentioning(fake.attempts.map((a) => a.body), tag),
      downloads: (id) => fake.downloads(id),
    };
  },
});
