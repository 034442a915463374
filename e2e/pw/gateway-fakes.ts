/**
 * The five gateways' loopback fakes side by side, for a browser spec that drives them all from
 * one studio: started together, their settings merged into one server environment, closed together.
 */
import { startAimlFake, type AimlFake } from "../fakes/aiml";
import { startGatewayFake, type GatewayFake } from "../fakes/gateway";
import type { FakeTimings } from "../fakes/kit/clock";
import { startModelslabFake, type ModelslabFake } from "../fakes/modelslab";
import { startSkytellsFake, type SkytellsFake } from "../fakes/skytells";
import { startVisgateFake, type VisgateFake } from "../fakes/visgate";

export interface GatewayFakes {
  skytells: SkytellsFake;
  modelslab: ModelslabFake;
  aiml: AimlFake;
  visgate: VisgateFake;
  gateway: GatewayFake;
  /** Every fake's settings, for the server. */
  env: Record<string, string>;
  close(): Promise<void>;
}

/** Every key and base URL the five read, empty: a server started with these has none of them, whatever the runner's environment holds. */
export const NO_GATEWAY_KEYS: Record<string, string> = {
  SKYTELLS_API_KEY: "",
  MODELSLAB_API_KEY: "",
  AIML_API_KEY: "",
  VISGATE_API_KEY: "",
  GATEWAY_API_KEY: "",
  GATEWAY_BASE_URL: "",
};

export async function startGatewayFakes(timings: FakeTimings): Promise<GatewayFakes> {
  const started = await Promise.allSettled([
    startSkytellsFake({ timings }),
    startModelslabFake({ timings }),
    startAimlFake({ timings }),
    startVisgateFake({ timings }),
    startGatewayFake({ timings }),
  ]);
  const up = started.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
  const close = async () => void (await Promise.all(up.map((f) => f.close())));
  const failed = started.find((s) => s.status === "rejected");
  if (failed) {
    await close();
    throw failed.reason;
  }
  const [skytells, modelslab, aiml, visgate, gateway] = up as [SkytellsFake, ModelslabFake, AimlFake, VisgateFake, GatewayFake];
  return {
    skytells,
    modelslab,
    aiml,
    visgate,
    gateway,
    env: { ...skytells.env, ...modelslab.env, ...aiml.env, ...visgate.env, ...gateway.env },
    close,
  };
}
