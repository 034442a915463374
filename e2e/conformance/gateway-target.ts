/**
 * The allowedParams gateway's conformance target: polled only (no webhooks), no cancel path
 * by default (canceled in Dailies, late results ignored), progress 0–100 from its status
 * answers. Its models exist only once discovered, so `gateway.test.ts` (one line:
 * `describeProvider(gatewayTarget)`) is added when the catalog merges discovered models.
 */
import { startGatewayFake } from "../fakes/gateway";
import { kitFakeTarget, type ConformanceTarget } from "./target";

export const gatewayTarget: ConformanceTarget = {
  provider: "gateway",
  textModel: "gateway:veo-3-1-fast",
  imageModel: "gateway:veo-3-1",
  capabilities: { webhooks: false, timestampedSignatures: false, cancelAtProvider: false, progress: true },
  async startFake({ slowMs }) {
    const fake = await startGatewayFake({ timings: { queuedMs: 150, runningMs: 600 }, slowMs });
    return {
      ...kitFakeTarget(fake),
      canceled: (id) => fake.canceled(id),
    };
  },
};
